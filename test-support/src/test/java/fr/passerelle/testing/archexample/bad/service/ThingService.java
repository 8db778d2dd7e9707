package fr.passerelle.testing.archexample.bad.service;

import fr.passerelle.testing.archexample.bad.repository.ThingRepository;
import fr.passerelle.testing.archexample.bad.rest.LooseResource;

/** Knows a resource: the request's path turned back. */
public class ThingService {

    public String list(Integer size) {
        return new LooseResource().list() + new ThingRepository().find(size == null ? 20 : size).getStatus();
    }
}
