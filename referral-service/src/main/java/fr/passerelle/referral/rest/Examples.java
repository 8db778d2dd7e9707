package fr.passerelle.referral.rest;

/** Request and response examples of the OpenAPI document (fictional people, fixed ids). */
final class Examples {

    static final String CASE_CREATE = """
            {"firstName":"Lina","lastName":"Martin","birthDate":"2010-03-14","ine":"123456789AB","schoolUai":"0690047B",
             "schoolLevel":"TROISIEME","homeCommuneCode":"69266",
             "guardians":[{"firstName":"Nadia","lastName":"Martin","relationship":"MOTHER","phone":"06 12 34 56 78"}],
             "consent":{"givenBy":"GUARDIAN","givenAt":"2026-11-20","purpose":"REFERRAL"}}""";

    static final String CASE_VIEW = """
            {"id":"0b7a3f8e-2f41-4c7d-9a57-6f2b8d1e4c90","view":"FULL","status":"OPEN","firstName":"Lina","lastName":"Martin",
             "birthDate":"2010-03-14","ine":"123456789AB","schoolUai":"0690047B","schoolLevel":"TROISIEME","schoolingStatus":"AT_RISK",
             "homeCommuneCode":"69266","guardians":[{"firstName":"Nadia","lastName":"Martin","relationship":"MOTHER","phone":"06 12 34 56 78"}],
             "consent":{"givenBy":"GUARDIAN","givenAt":"2026-11-20","purpose":"REFERRAL"},"originUai":"0690047B",
             "createdAt":"2026-11-20T09:12:00Z","updatedAt":"2026-11-20T09:12:00Z","referrals":[]}""";

    /** The answer to a creation: possibleDuplicates always present there. */
    static final String CASE_CREATED = """
            {"id":"0b7a3f8e-2f41-4c7d-9a57-6f2b8d1e4c90","view":"FULL","status":"OPEN","firstName":"Lina","lastName":"Martin",
             "birthDate":"2010-03-14","ine":"123456789AB","schoolUai":"0690047B","schoolLevel":"TROISIEME","schoolingStatus":"AT_RISK",
             "homeCommuneCode":"69266","guardians":[{"firstName":"Nadia","lastName":"Martin","relationship":"MOTHER","phone":"06 12 34 56 78"}],
             "consent":{"givenBy":"GUARDIAN","givenAt":"2026-11-20","purpose":"REFERRAL"},"originUai":"0690047B",
             "createdAt":"2026-11-20T09:12:00Z","updatedAt":"2026-11-20T09:12:00Z","referrals":[],
             "possibleDuplicates":["3f2b8c1a-5d6e-4f7a-8b9c-0d1e2f3a4b5c"]}""";

    static final String CASE_MERGE = """
            {"duplicateId":"3f2b8c1a-5d6e-4f7a-8b9c-0d1e2f3a4b5c","reason":"Même élève, inscrit deux fois."}""";

    static final String CASE_PATCH = """
            {"schoolLevel":"SECONDE","lastName":"Martin-Durand"}""";

    static final String CASE_CLOSE = """
            {"reason":"SUPPORT_ENDED","comment":"Retour en classe stabilisé."}""";

    static final String CONSENT_WITHDRAW = """
            {"withdrawnBy":"GUARDIAN","withdrawnAt":"2026-12-01"}""";

    static final String REFERRAL_CREATE = """
            {"caseId":"0b7a3f8e-2f41-4c7d-9a57-6f2b8d1e4c90","targetType":"PROGRAMME","targetId":"5d2f0e4a-9c1b-4b8e-8f3a-2e6d7c9b1a04",
             "reason":"ABSENTEEISM","urgency":"HIGH","context":"Absences répétées depuis la rentrée, lien famille bon.","submit":true}""";

    static final String REFERRAL_VIEW = """
            {"id":"3f6d1c1e-7f0e-4b7a-8b55-0c1f0f9d2a11","caseId":"0b7a3f8e-2f41-4c7d-9a57-6f2b8d1e4c90","status":"SUBMITTED",
             "targetType":"PROGRAMME","targetId":"5d2f0e4a-9c1b-4b8e-8f3a-2e6d7c9b1a04","targetName":"Classe relais de Villeurbanne",
             "targetOrganisationId":"8a1e2b3c-4d5e-4f60-8718-293a4b5c6d7e","targetAdmissionMode":"DIRECT",
             "triagePlatformId":"c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f","originUai":"0690047B","reason":"ABSENTEEISM","urgency":"HIGH",
             "context":"Absences répétées depuis la rentrée, lien famille bon.","createdAt":"2026-11-20T09:15:00Z",
             "updatedAt":"2026-11-20T09:15:00Z","submittedAt":"2026-11-20T09:15:00Z","dueAt":"2026-11-27T22:59:59Z","overdue":false,
             "pupil":{"firstName":"Lina","lastName":"Martin","birthDate":"2010-03-14","schoolLevel":"TROISIEME","homeCommuneCode":"69266"},
             "allowedActions":["CANCEL"]}""";

    static final String ASSIGN = """
            {"assigneeId":"5b1f7c2e-8d4a-4f3b-9e6c-2a7d0f1e3b48"}""";

    static final String REFERRAL_VIEW_ASSIGNED = """
            {"id":"3f6d1c1e-7f0e-4b7a-8b55-0c1f0f9d2a11","caseId":"0b7a3f8e-2f41-4c7d-9a57-6f2b8d1e4c90","status":"RECEIVED",
             "targetType":"PROGRAMME","targetId":"5d2f0e4a-9c1b-4b8e-8f3a-2e6d7c9b1a04","targetName":"Classe relais de Villeurbanne",
             "targetOrganisationId":"8a1e2b3c-4d5e-4f60-8718-293a4b5c6d7e","targetAdmissionMode":"DIRECT",
             "triagePlatformId":"c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f","originUai":"0690047B","reason":"ABSENTEEISM","urgency":"HIGH",
             "context":"Absences répétées depuis la rentrée, lien famille bon.","createdAt":"2026-11-20T09:15:00Z",
             "updatedAt":"2026-11-21T10:02:00Z","submittedAt":"2026-11-20T09:15:00Z","receivedAt":"2026-11-21T08:40:00Z",
             "dueAt":"2026-12-05T22:59:59Z","overdue":false,
             "pupil":{"firstName":"Lina","lastName":"Martin","birthDate":"2010-03-14","schoolLevel":"TROISIEME","homeCommuneCode":"69266"},
             "assigneeId":"5b1f7c2e-8d4a-4f3b-9e6c-2a7d0f1e3b48","assignedAt":"2026-11-21T10:02:00Z",
             "allowedActions":["ACCEPT","WAITLIST","DECLINE"]}""";

    static final String NOT_A_COLLEAGUE = """
            {"type":"https://passerelle.example.org/problems/validation","title":"Invalid request","status":422,
             "detail":"The request breaks 1 rule(s).","instance":"/api/v1/referrals/3f6d1c1e-7f0e-4b7a-8b55-0c1f0f9d2a11/assign",
             "requestId":"6f1c2b9e4d7a4e21","violations":[{"field":"assigneeId",
             "message":"not an active account of your organisation with the partner role","code":"NOT_A_COLLEAGUE"}]}""";

    static final String INBOX_SUMMARY = """
            {"actionNeeded":7,"overdue":2,"byStatus":{"DRAFT":0,"SUBMITTED":3,"RECEIVED":2,"WAITLISTED":1,"ACCEPTED":1,"IN_PROGRESS":4}}""";

    static final String ACCEPT = """
            {"commissionDate":"2026-12-03","comment":"Entrée prévue lundi."}""";
    static final String WAITLIST = """
            {"comment":"Prochaine session en janvier."}""";
    static final String DECLINE = """
            {"reason":"NO_PLACE","comment":"Cohorte complète."}""";
    static final String START = """
            {"startDate":"2026-12-07"}""";
    static final String COMPLETE = """
            {"outcome":"APPRENTICESHIP","outcomeDate":"2027-06-30","comment":"Contrat signé chez un boulanger."}""";
    static final String CANCEL = """
            {"reason":"OTHER_SOLUTION_FOUND","comment":"Inscription en lycée professionnel."}""";
    static final String REDIRECT = """
            {"programmeId":"5d2f0e4a-9c1b-4b8e-8f3a-2e6d7c9b1a04","urgency":"HIGH","comment":"Profil adapté à la classe relais."}""";

    static final String FOLLOW_UP_CREATE = """
            {"entryDate":"2026-12-10","kind":"MEETING","visibility":"ALL_PARTIES","text":"Premier entretien, projet en alternance évoqué."}""";
    static final String FOLLOW_UP_PAGE = """
            {"items":[{"id":"9e8d7c6b-5a49-4838-a726-15f4e3d2c1b0","referralId":"3f6d1c1e-7f0e-4b7a-8b55-0c1f0f9d2a11",
             "entryDate":"2026-12-10","kind":"MEETING","visibility":"ALL_PARTIES","text":"Premier entretien, projet en alternance évoqué.",
             "authorRole":"partner","authorAttachment":"organisation:8a1e2b3c-4d5e-4f60-8718-293a4b5c6d7e",
             "createdAt":"2026-12-10T15:02:00Z"}],"page":0,"size":20,"totalItems":1}""";

    static final String TIMELINE_PAGE = """
            {"items":[{"id":"1c2d3e4f-5a6b-4c7d-8e9f-a0b1c2d3e4f5","type":"CASE_CREATED","actorRole":"referent",
              "actorAttachment":"uai:0690047B","occurredAt":"2026-11-20T09:12:00Z"},
             {"id":"2d3e4f5a-6b7c-4d8e-9fa0-b1c2d3e4f5a6","referralId":"3f6d1c1e-7f0e-4b7a-8b55-0c1f0f9d2a11",
              "type":"REFERRAL_SUBMITTED","fromStatus":"DRAFT","toStatus":"SUBMITTED","actorRole":"referent",
              "actorAttachment":"uai:0690047B","occurredAt":"2026-11-20T09:15:00Z"}],"page":0,"size":20,"totalItems":2}""";

    static final String TRIAGE_PAGE = """
            {"items":[{"id":"3f6d1c1e-7f0e-4b7a-8b55-0c1f0f9d2a11","caseId":"0b7a3f8e-2f41-4c7d-9a57-6f2b8d1e4c90",
              "status":"SUBMITTED","urgency":"HIGH","reason":"ABSENTEEISM","targetType":"PLATFORM",
              "targetId":"c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f","targetName":"PSAD Lyon Est","originUai":"0690047B",
              "submittedAt":"2026-11-20T09:15:00Z","waitingHours":30,"dueAt":"2026-11-27T22:59:59Z","overdue":false,
              "pupil":{"firstName":"Lina","lastName":"Martin","birthDate":"2010-03-14","schoolLevel":"TROISIEME","homeCommuneCode":"69266"}}],
             "nextCursor":"djF8MXwxNzk1MTY2OTAwfDB8M2Y2ZDFjMWUtN2YwZS00YjdhLThiNTUtMGMxZjBmOWQyYTEx"}""";

    static final String NOT_ACCEPTABLE = """
            {"type":"https://passerelle.example.org/problems/not-acceptable","title":"Not Acceptable","status":406,
             "detail":"This resource cannot answer in the requested media type.","instance":"/api/v1/stats",
             "requestId":"5f0c2a8e-0d8b-4a8c-9a43-2f1d3a0c9b11"}""";

    static final String OUTCOME_FOLLOW_UP = """
            {"milestone":"SIX_MONTHS","situation":"APPRENTICESHIP","note":"Contrat signé en mars."}""";

    static final String STATS = """
            {"generatedAt":"2026-12-15T08:00:00Z",
             "scope":{"kind":"PLATFORM","id":"c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f","label":"Plateforme PSAD Lyon Est"},
             "filters":{"from":"2026-09-01","to":"2026-12-31"},"minimumCount":5,
             "total":{"value":148,"hidden":false},
             "byStatus":[{"key":"ACCEPTED","label":"Acceptée","count":31,"hidden":false},
                         {"key":"WAITLISTED","label":"En liste d'attente","count":null,"hidden":true},
                         {"key":"RECEIVED","label":"Reçue","count":null,"hidden":true}],
             "byPlatform":[{"key":"c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f","label":null,"count":97,"hidden":false}],
             "byProgramme":[{"key":"5d2f0e4a-9c1b-4b8e-8f3a-2e6d7c9b1a04","label":"Classe relais de Villeurbanne","count":12,"hidden":false}],
             "byOutcome":[{"key":"APPRENTICESHIP","label":"Contrat d'apprentissage ou de professionnalisation","count":9,"hidden":false}],
             "timeToFirstResponse":{"medianHours":26.5,"averageHours":40.2,"basedOn":{"value":120,"hidden":false},"hidden":false},
             "acceptanceRate":{"value":0.62,"numerator":{"value":62,"hidden":false},"denominator":{"value":100,"hidden":false},"hidden":false},
             "positiveExitRate":{"value":null,"numerator":{"value":null,"hidden":true},"denominator":{"value":null,"hidden":true},"hidden":true}}""";

    static final String STATS_BY_SCHOOL = """
            {"generatedAt":"2026-12-15T08:00:00Z",
             "scope":{"kind":"PLATFORM","id":"c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f","label":"Plateforme PSAD Lyon Est"},
             "filters":{"from":"2026-09-01","to":"2027-08-31","groupBy":"school"},"minimumCount":5,
             "total":{"value":73,"hidden":false},"byStatus":[],"byPlatform":[],"byProgramme":[],"byOutcome":[],
             "timeToFirstResponse":{"medianHours":26.5,"averageHours":40.2,"basedOn":{"value":52,"hidden":false},"hidden":false},
             "acceptanceRate":{"value":0.6,"numerator":{"value":24,"hidden":false},"denominator":{"value":40,"hidden":false},"hidden":false},
             "positiveExitRate":{"value":null,"numerator":{"value":null,"hidden":true},"denominator":{"value":null,"hidden":true},"hidden":true},
             "table":{"groupBy":"school","rowTotals":true,
              "columns":[{"key":"PENDING","label":"En attente de décision"},{"key":"ACCEPTED","label":"Acceptées ou en cours"},
                         {"key":"DECLINED","label":"Refusées"},{"key":"POSITIVE_EXIT","label":"Terminées, sortie positive"},
                         {"key":"OTHER_EXIT","label":"Terminées, autre sortie"},{"key":"CLOSED","label":"Réorientées ou annulées"}],
              "rows":[{"key":"0690047B","label":"Établissement 0690047B","cells":[{"value":12,"hidden":false},{"value":null,"hidden":true},
                        {"value":null,"hidden":true},{"value":0,"hidden":false},{"value":0,"hidden":false},{"value":6,"hidden":false}],
                       "total":{"value":28,"hidden":false}},
                      {"key":"0690112X","label":"Établissement 0690112X","cells":[{"value":8,"hidden":false},{"value":null,"hidden":true},
                        {"value":null,"hidden":true},{"value":0,"hidden":false},{"value":0,"hidden":false},{"value":7,"hidden":false}],
                       "total":{"value":45,"hidden":false}}],
              "totals":{"key":"TOTAL","label":"Total","cells":[{"value":20,"hidden":false},{"value":24,"hidden":false},
                        {"value":16,"hidden":false},{"value":0,"hidden":false},{"value":0,"hidden":false},{"value":13,"hidden":false}],
                       "total":{"value":73,"hidden":false}}}}""";

    static final String STATS_CSV = "\uFEFFPasserelle - statistiques des orientations\r\n"
            + "Périmètre;Plateforme PSAD Lyon Est\r\n"
            + "Période;du 01/09/2026 au 31/08/2027 (date de transmission, heure de Paris)\r\n"
            + "Produit le;15/12/2026 09:00\r\n"
            + "Secret statistique;s = effectif de 1 à 4, ou masqué pour qu'aucun effectif caché ne puisse être recalculé"
            + " à partir des autres et des totaux\r\n"
            + "\r\n"
            + "Code;Établissement;En attente de décision;Acceptées ou en cours;Refusées;Terminées, sortie positive;"
            + "Terminées, autre sortie;Réorientées ou annulées;Orientations déposées\r\n"
            + "0690047B;Établissement 0690047B;12;s;s;0;0;6;28\r\n"
            + "0690112X;Établissement 0690112X;8;s;s;0;0;7;45\r\n"
            + "TOTAL;Total;20;24;16;0;0;13;73\r\n";

    static final String AUDIT_PAGE = """
            {"items":[{"id":"7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d","occurredAt":"2026-11-20T09:15:00Z","subject":"f3b1…",
              "role":"partner","attachment":"organisation:8a1e2b3c-4d5e-4f60-8718-293a4b5c6d7e","operation":"REFERRAL_ACCEPT",
              "purpose":"ADMISSION","requestId":"5f0c2a8e-0d8b-4a8c-9a43-2f1d3a0c9b11","caseId":"0b7a3f8e-2f41-4c7d-9a57-6f2b8d1e4c90",
              "referralId":"3f6d1c1e-7f0e-4b7a-8b55-0c1f0f9d2a11"}],"page":0,"size":20,"totalItems":1}""";

    static final String SUBJECT_ACCESS = """
            {"ine":"123456789AB","reference":"DPO-2026-042"}""";

    static final String WEBHOOK_CREATE = """
            {"url":"https://si.partenaire.example/passerelle/webhooks","events":["referral.submitted","referral.cancelled"],
             "description":"SI de l'association (production)"}""";
    static final String WEBHOOK_VIEW = """
            {"id":"2c9d4e1a-6b7f-4a3e-9c21-5d8e7f6a4b3c","url":"https://si.partenaire.example/passerelle/webhooks",
             "events":["referral.submitted","referral.cancelled"],"description":"SI de l'association (production)","enabled":true,
             "ownerAttachment":"organisation:8a1e2b3c-4d5e-4f60-8718-293a4b5c6d7e",
             "createdAt":"2026-11-29T20:15:00Z"}""";
    static final String WEBHOOK_CREATED = """
            {"id":"2c9d4e1a-6b7f-4a3e-9c21-5d8e7f6a4b3c","url":"https://si.partenaire.example/passerelle/webhooks",
             "events":["referral.submitted","referral.cancelled"],"description":"SI de l'association (production)","enabled":true,
             "ownerAttachment":"organisation:8a1e2b3c-4d5e-4f60-8718-293a4b5c6d7e",
             "createdAt":"2026-11-29T20:15:00Z","secret":"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw8GZsoVc2Ik0="}""";
    static final String WEBHOOK_REFUSED = """
            {"type":"https://passerelle.example.org/problems/validation","title":"Invalid request","status":422,
             "detail":"The request breaks 2 rule(s).","violations":[
              {"field":"url","message":"resolves to a private, link-local, shared or reserved address (private 10.0.0.0/8); the receiver must be reachable on a public address","code":"URL_ADDRESS_NOT_PUBLIC"},
              {"field":"events[1]","message":"unknown event type; known: * or referral.submitted, …","code":"UNKNOWN_EVENT"}]}""";
    static final String WEBHOOK_DELIVERY = """
            {"id":"7e1f3a5b-2c4d-4e6f-8a9b-0c1d2e3f4a5b","eventId":"4b8c2d1e-9f0a-4b3c-8d7e-6f5a4b3c2d1e",
             "eventType":"referral.submitted","status":"PENDING","createdAt":"2026-11-29T20:16:02Z",
             "nextAttemptAt":"2026-11-29T20:18:40Z","attempts":[
              {"attemptedAt":"2026-11-29T20:16:02Z","statusCode":503,"durationMs":41,"outcome":"HTTP_ERROR"},
              {"attemptedAt":"2026-11-29T20:16:07Z","durationMs":2003,"outcome":"CONNECTION_FAILED",
               "errorClass":"java.net.http.HttpConnectTimeoutException"}]}""";
    static final String WEBHOOK_DELIVERIES = "{\"items\":[" + WEBHOOK_DELIVERY + "],\"page\":0,\"size\":20,\"totalItems\":1}";
    static final String WEBHOOK_DELIVERED_CONFLICT = """
            {"type":"https://passerelle.example.org/problems/webhook-delivered","title":"Conflict","status":409,
             "detail":"This delivery has already been delivered."}""";

    private Examples() {
    }

    static final String NOTIFICATIONS_PUT = """
            {"defaultMode":"OFF","events":{"referral.submitted":"IMMEDIATE","referral.overdue":"IMMEDIATE","referral.completed":"DAILY_DIGEST"}}""";
    static final String NOTIFICATIONS_PUT_DIGEST = """
            {"email":"partner1@demo.passerelle.test","defaultMode":"DAILY_DIGEST","events":{}}""";
    static final String NOTIFICATIONS_VIEW = """
            {"email":"partner1@demo.passerelle.test","role":"partner","attachment":"organisation:07a23e44-05c2-4269-8757-ada2582fb768",
             "defaultMode":"OFF","events":{"referral.submitted":"IMMEDIATE","referral.received":"OFF","referral.redirected":"OFF",
             "referral.accepted":"OFF","referral.waitlisted":"OFF","referral.declined":"OFF","referral.started":"OFF",
             "referral.completed":"DAILY_DIGEST","referral.cancelled":"OFF","referral.overdue":"IMMEDIATE","referral.assigned":"OFF",
             "followup.added":"OFF","case.closed":"OFF","case.consent_withdrawn":"OFF","case.training_obligation_alert":"OFF"},
             "updatedAt":"2026-11-20T09:30:00Z"}""";
}
