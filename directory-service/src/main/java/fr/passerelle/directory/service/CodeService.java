package fr.passerelle.directory.service;

import fr.passerelle.common.codes.AdmissionMode;
import fr.passerelle.common.codes.CodeLabel;
import fr.passerelle.common.codes.SchoolLevel;
import fr.passerelle.common.codes.SchoolingStatus;
import fr.passerelle.directory.api.CodeLists;
import fr.passerelle.directory.domain.Audience;
import fr.passerelle.directory.domain.DiplomaLevel;
import fr.passerelle.directory.domain.Freshness;
import fr.passerelle.directory.domain.Gender;
import fr.passerelle.directory.domain.Intake;
import fr.passerelle.directory.domain.OrganisationKind;
import fr.passerelle.directory.domain.ProgrammeCategory;
import fr.passerelle.directory.domain.RecordStatus;
import fr.passerelle.directory.domain.Requirement;
import jakarta.enterprise.context.ApplicationScoped;

/** Every code the directory uses, with its French label, for forms and for showing codes to people. */
@ApplicationScoped
public class CodeService {

    public CodeLists all() {
        return new CodeLists(CodeLabel.all(ProgrammeCategory.class), CodeLabel.all(SchoolLevel.class),
                CodeLabel.all(SchoolingStatus.class), CodeLabel.all(DiplomaLevel.class), CodeLabel.all(AdmissionMode.class),
                CodeLabel.all(Intake.class), CodeLabel.all(OrganisationKind.class), CodeLabel.all(RecordStatus.class),
                MatchRules.reasonCodes(), CodeLabel.all(Audience.class), CodeLabel.all(Requirement.class),
                CodeLabel.all(Gender.class), CodeLabel.all(Freshness.class));
    }
}
