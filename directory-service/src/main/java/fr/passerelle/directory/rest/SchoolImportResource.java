package fr.passerelle.directory.rest;

import fr.passerelle.directory.api.SchoolImportReport;
import fr.passerelle.directory.service.SchoolImport;
import jakarta.inject.Inject;
import jakarta.ws.rs.QueryParam;

public class SchoolImportResource implements SchoolImportApi {

    @Inject
    SchoolImport schoolImport;

    @Override
    public SchoolImportReport importSchools(@QueryParam("dryRun") Boolean dryRun, String csv) {
        return schoolImport.run(csv, Boolean.TRUE.equals(dryRun));
    }
}
