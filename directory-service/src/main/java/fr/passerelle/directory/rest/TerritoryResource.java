package fr.passerelle.directory.rest;

import fr.passerelle.common.paging.PageRequest;
import fr.passerelle.common.paging.PageResponse;
import fr.passerelle.common.web.QueryParams;
import fr.passerelle.directory.api.AcademieView;
import fr.passerelle.directory.api.CommuneView;
import fr.passerelle.directory.api.DepartementView;
import fr.passerelle.directory.service.TerritoryService;
import jakarta.inject.Inject;
import jakarta.ws.rs.QueryParam;
import java.util.List;

public class TerritoryResource implements TerritoriesApi {

    @Inject
    TerritoryService territories;

    @Override
    public PageResponse<CommuneView> communes(String q, String departement, @QueryParam("page") Integer page,
                                              @QueryParam("size") Integer size) {
        return territories.listCommunes(QueryParams.text("q", q, 100), departement, PageRequest.of(page, size));
    }

    @Override
    public CommuneView commune(String code) {
        return territories.getCommune(code);
    }

    @Override
    public List<DepartementView> departements() {
        return territories.listDepartements();
    }

    @Override
    public DepartementView departement(String code) {
        return territories.getDepartement(code);
    }

    @Override
    public List<AcademieView> academies() {
        return territories.listAcademies();
    }
}
