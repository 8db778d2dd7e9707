package fr.passerelle.directory.rest;

/** Example bodies shared by the OpenAPI annotations of this service's resources. */
final class ApiDocs {

    static final String PROBLEM_404 = """
            {"type":"https://passerelle.example.org/problems/not-found","title":"Not found","status":404,
             "detail":"Programme 5d0c… was not found.","instance":"/api/v1/programmes/5d0c…","requestId":"3f1c…"}""";
    static final String PROBLEM_400 = """
            {"type":"https://passerelle.example.org/problems/bad-request","title":"Bad request","status":400,
             "detail":"A parameter is invalid.","instance":"/api/v1/programmes","requestId":"3f1c…",
             "violations":[{"field":"size","message":"must be between 1 and 100","code":"RANGE"}]}""";
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

    static final String MATCH_REQUEST = """
            {"age":17,"schoolLevel":"NONE","schoolingStatus":"LEFT_SCHOOL","communeCode":"69266","livesInQpv":false}""";

    private ApiDocs() {
    }
}
