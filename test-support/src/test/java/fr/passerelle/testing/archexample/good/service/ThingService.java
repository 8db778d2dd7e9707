package fr.passerelle.testing.archexample.good.service;

import fr.passerelle.testing.archexample.good.repository.ThingRepository;

public class ThingService {

    private final ThingRepository repository = new ThingRepository();

    public String list(String q, Integer size) {
        return repository.find(q, size == null ? 20 : size);
    }
}
