package fr.passerelle.directory.rest;

import fr.passerelle.common.codes.SchoolLevel;
import fr.passerelle.common.codes.SchoolingStatus;
import fr.passerelle.directory.api.EligibilityAnswer;
import fr.passerelle.directory.api.MatchRequest;
import fr.passerelle.directory.domain.DiplomaLevel;
import fr.passerelle.directory.domain.Gender;
import fr.passerelle.directory.domain.Requirement;
import fr.passerelle.directory.service.MatchService;
import jakarta.inject.Inject;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

public class EligibilityResource implements EligibilityApi {

    @Inject
    MatchService matcher;

    @Override
    public EligibilityAnswer check(@PathParam("id") UUID id, @QueryParam("birthDate") LocalDate birthDate,
                                   @QueryParam("age") Integer age, @QueryParam("schoolLevel") SchoolLevel schoolLevel,
                                   @QueryParam("schoolingStatus") SchoolingStatus schoolingStatus,
                                   @QueryParam("communeCode") String communeCode, @QueryParam("livesInQpv") Boolean livesInQpv,
                                   @QueryParam("highestDiploma") DiplomaLevel highestDiploma, @QueryParam("gender") Gender gender,
                                   @QueryParam("underCourtOrder") Boolean underCourtOrder,
                                   @QueryParam("hasDisabilityRecognition") Boolean hasDisabilityRecognition,
                                   @QueryParam("monthsOutOfSchool") Integer monthsOutOfSchool,
                                   @QueryParam("requirementsMet") List<Requirement> requirementsMet) {
        MatchRequest criteria = new MatchRequest(birthDate, age, schoolLevel, schoolingStatus, communeCode, livesInQpv,
                highestDiploma, null, gender, underCourtOrder, hasDisabilityRecognition, monthsOutOfSchool,
                requirementsMet == null ? Set.of() : Set.copyOf(requirementsMet));
        return matcher.eligibility(id, criteria);
    }
}
