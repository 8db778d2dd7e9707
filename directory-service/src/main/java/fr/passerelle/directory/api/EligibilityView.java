package fr.passerelle.directory.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "EligibilityView", description = "Who a programme can take. Null or empty criteria do not restrict.")
public record EligibilityView(Integer minAge, Integer maxAge, List<String> schoolLevels, List<String> schoolingStatuses,
                              String maxDiplomaLevel, boolean qpvResidenceRequired) {
}
