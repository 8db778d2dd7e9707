package fr.passerelle.testing.archexample.bad.rest;

import fr.passerelle.testing.archexample.bad.repository.ThingRepository;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Annotated in place, with no *Api interface, and reading the repository itself. */
@Path("/loose")
public class LooseResource {

    @GET
    public String list() {
        return new ThingRepository().find(20).toString();
    }
}
