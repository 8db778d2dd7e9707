package fr.passerelle.directory.rest;

/** Example bodies shared by the OpenAPI annotations of this service's resources. */
final class ApiDocs {

    static final String ETAG = "Version of the record, a strong tag (e.g. \"v3\"): send it back in If-Match to replace or archive it.";
    static final String LOCATION = "URL of the created record.";
    static final String IF_MATCH = "ETag of the version read (e.g. \"v3\"); weak tags and * are refused.";
    static final String ORGANISATION_ID = "Organisation id, e.g. 07a23e44-05c2-4269-8757-ada2582fb768.";
    static final String PROGRAMME_ID = "Programme id, e.g. 319ee441-a093-4f4c-b58a-17412b02411d.";
    static final String PLATFORM_ID = "Platform id, e.g. 43c92e43-b7d1-4693-a06d-67f3c4f0699b.";
    static final String PAGE = "Zero-based page number (default 0).";
    static final String SIZE = "Page size (default 20).";

    static final String PROBLEM_404 = """
            {"type":"https://passerelle.example.org/problems/not-found","title":"Not found","status":404,
             "detail":"Programme 5d0c… was not found.","instance":"/api/v1/programmes/5d0c…","requestId":"3f1c…"}""";
    static final String PROBLEM_400 = """
            {"type":"https://passerelle.example.org/problems/bad-request","title":"Bad request","status":400,
             "detail":"A parameter is invalid.","instance":"/api/v1/programmes","requestId":"3f1c…",
             "violations":[{"field":"size","message":"must be less than or equal to 100","code":"MAX"}]}""";
    static final String PROBLEM_422 = """
            {"type":"https://passerelle.example.org/problems/validation","title":"Invalid request","status":422,
             "detail":"The request breaks 1 rule(s).","instance":"/api/v1/programmes","requestId":"3f1c…",
             "violations":[{"field":"serviceArea.communes[0]","message":"unknown INSEE commune code","code":"UNKNOWN_COMMUNE"}]}""";
    static final String PROBLEM_412 = """
            {"type":"https://passerelle.example.org/problems/precondition-failed","title":"Precondition failed","status":412,
             "detail":"The resource has changed since it was read: read it again and retry with the new ETag.","requestId":"3f1c…"}""";
    static final String PROBLEM_428 = """
            {"type":"https://passerelle.example.org/problems/precondition-required","title":"Precondition required","status":428,
             "detail":"This operation requires an If-Match header carrying the current ETag (e.g. \\"v3\\"; * names no version).","requestId":"3f1c…"}""";
    static final String PROBLEM_403 = """
            {"type":"https://passerelle.example.org/problems/forbidden","title":"Forbidden","status":403,
             "detail":"Only directory editors change the directory.","requestId":"3f1c…"}""";

    static final String PROBLEM_403_FIELDS = """
            {"type":"https://passerelle.example.org/problems/forbidden","title":"Forbidden","status":403,
             "detail":"Partner staff may change only placesAvailable, contacts and status of their programmes.","requestId":"3f1c…",
             "violations":[{"field":"name","message":"may not be changed here; the fields are placesAvailable, contacts, status","code":"NOT_CHANGEABLE"}]}""";
    static final String PROBLEM_422_PLACES = """
            {"type":"https://passerelle.example.org/problems/validation","title":"Invalid request","status":422,
             "detail":"The request breaks 1 rule(s).","instance":"/api/v1/programmes/5d0c…/availability","requestId":"3f1c…",
             "violations":[{"field":"placesAvailable","message":"must be greater than or equal to 0","code":"MIN"}]}""";

    static final String MATCH_REQUEST = """
            {"age":17,"schoolLevel":"NONE","schoolingStatus":"LEFT_SCHOOL","communeCode":"69266","livesInQpv":false}""";

    private ApiDocs() {
    }
}
