package fr.passerelle.directory.domain;

import java.util.List;

/** Where a programme takes young people from: INSEE communes, départements, académies. */
public record ServiceArea(List<String> communes, List<String> departements, List<String> academies) {

    public ServiceArea {
        communes = communes == null ? List.of() : List.copyOf(communes);
        departements = departements == null ? List.of() : List.copyOf(departements);
        academies = academies == null ? List.of() : List.copyOf(academies);
    }

    public boolean isEmpty() {
        return communes.isEmpty() && departements.isEmpty() && academies.isEmpty();
    }
}
