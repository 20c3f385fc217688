package io.kafkaexample.producer.role;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;

@Description("A role; the lower its access level, the more it may do (SUPER_ADMIN 100 ... USER 200)")
public class Role {

    private int id;
    private String name;
    private int accessLevel;

    public Role() {
    }

    public Role(int id, String name, int accessLevel) {
        this.id = id;
        this.name = name;
        this.accessLevel = accessLevel;
    }

    @Id
    public int getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public int getAccessLevel() {
        return accessLevel;
    }

    /** Whether a holder of this role may grant {@code other}: never more privilege than its own. */
    public boolean mayGrant(Role other) {
        return other.accessLevel >= accessLevel;
    }
}
