package fr.passerelle.testing.archexample.good.repository;

public class ThingRepository {

    public String find(String q, int size) {
        return q + size;
    }
}
