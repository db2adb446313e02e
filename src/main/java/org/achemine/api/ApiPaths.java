package org.achemine.api;

/** The read API's versioned root: a change that breaks a client gets a new version beside this one. */
public final class ApiPaths {

    public static final String V1 = "/api/v1";

    private ApiPaths() {
    }
}
