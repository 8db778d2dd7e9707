package fr.passerelle.e2e.faults;

import fr.passerelle.e2e.support.Stack;

/**
 * A service's readiness, wherever it is served: on its management port (127.0.0.1, where /q/health moves once
 * the management interface is on) if something answers there, else on its main port.
 */
final class Health {

    private Health() {
    }

    /** HTTP status of /q/health/ready (200 = ready), or -1 if neither port answers. */
    static int ready(int managementPort, int mainPort) {
        int status = Stack.status("http://127.0.0.1:" + managementPort + "/q/health/ready");
        return status > 0 ? status : Stack.status("http://127.0.0.1:" + mainPort + "/q/health/ready");
    }

    static boolean isReady(int managementPort, int mainPort) {
        return ready(managementPort, mainPort) == 200;
    }
}
