// A 4xx/5xx response's problem+json examples exist and each carries the response's own status
// (Swagger UI showed a 422 example under 400, 401 and 403).
module.exports = function problemExampleOfItsStatus(response, _options, context) {
  const status = Number(context.path[context.path.length - 1]);
  const media = response && response.content && response.content['application/problem+json'];
  if (!media) {
    return []; // passerelle-errors-are-problem-json reports it
  }
  const bodies = [];
  if (media.example !== undefined) {
    bodies.push(media.example);
  }
  for (const example of Object.values(media.examples || {})) {
    if (example && example.value !== undefined) {
      bodies.push(example.value);
    }
  }
  if (bodies.length === 0) {
    return [{ message: `The ${status} problem response has no example.` }];
  }
  return bodies
    .filter((body) => !body || body.status !== status)
    .map((body) => ({ message: `An example of the ${status} response says status ${body && body.status}.` }));
}
