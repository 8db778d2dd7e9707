package fr.passerelle.testing.archexample.bad.repository;

import jakarta.ws.rs.core.Response;

/** Answers HTTP from the data layer. */
public class ThingRepository {

    public Response find(int size) {
        return Response.ok(size).build();
    }
}
