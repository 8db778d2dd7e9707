package fr.passerelle.referral.repository;

import java.util.List;

/** A page of entities and the number of matching rows. */
public record PageResult<T>(List<T> items, long total) {
}
