package io.kafkaexample.producer.role;

import org.eclipse.microprofile.graphql.NonNull;

public class RoleInput {

    @NonNull
    private String name;
    private int accessLevel;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public int getAccessLevel() {
        return accessLevel;
    }

    public void setAccessLevel(int accessLevel) {
        this.accessLevel = accessLevel;
    }
}
