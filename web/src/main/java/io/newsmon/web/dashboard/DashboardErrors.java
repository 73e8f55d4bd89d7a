package io.newsmon.web.dashboard;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Renders dashboard errors as pages in the dashboard's own layout, never as a stack trace. */
public class DashboardErrors {

    @CheckedTemplate(basePath = "DashboardResource")
    public static class Templates {
        static native TemplateInstance error(String title, String message, int status);
    }

    @ServerExceptionMapper
    public Response error(DashboardException e) {
        return Response.status(e.status())
                .type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.error(e.title(), e.getMessage(), e.status()).render())
                .build();
    }
}
