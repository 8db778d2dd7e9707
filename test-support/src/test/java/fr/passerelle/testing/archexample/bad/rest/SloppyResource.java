package fr.passerelle.testing.archexample.bad.rest;

import fr.passerelle.testing.archexample.bad.service.ThingService;

/** Forgets to repeat @QueryParam("size"): a badly typed size would answer 404. */
public class SloppyResource implements SloppyApi {

    @Override
    public String list(Integer size) {
        return new ThingService().list(size);
    }
}
