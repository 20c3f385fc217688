package io.kafkaexample.common.auth;

import java.util.Set;

/** The roles of the users API, as seeded in the original, and who counts as an administrator. */
public final class Roles {

    public static final String SUPER_ADMIN = "SUPER_ADMIN";
    public static final String ADMIN = "ADMIN";
    public static final String COMPANY_ADMIN = "COMPANY_ADMIN";
    public static final String LOCATION_ADMIN = "LOCATION_ADMIN";
    public static final String USER = "USER";

    public static final Set<String> ADMINS = Set.of(SUPER_ADMIN, ADMIN);

    private Roles() {
    }
}
