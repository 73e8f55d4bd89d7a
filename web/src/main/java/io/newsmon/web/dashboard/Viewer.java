package io.newsmon.web.dashboard;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.qute.TemplateGlobal;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is looking, for every page: the navigation shows the admin's pages only to admins (the api is the
 * one that enforces the role; this only hides what would be refused).
 */
@TemplateGlobal
public class Viewer {

    private Viewer() {}

    static boolean admin() {
        try (InstanceHandle<SecurityIdentity> identity = Arc.container().instance(SecurityIdentity.class)) {
            return identity.isAvailable()
                    && !identity.get().isAnonymous()
                    && identity.get().hasRole("admin");
        } catch (RuntimeException outsideARequest) {
            return false;
        }
    }
}
