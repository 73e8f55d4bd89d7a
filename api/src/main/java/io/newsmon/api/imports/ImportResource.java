package io.newsmon.api.imports;

import io.newsmon.api.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Backfill of articles from JSON lines (admin); {@code ./newsmon import FILE.jsonl} calls it. */
@Path("/api/imports")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    private final ImportService imports;

    public ImportResource(ImportService imports) {
        this.imports = imports;
    }

    @POST
    @RolesAllowed("admin")
    @Consumes({"application/x-ndjson", "application/jsonl", MediaType.TEXT_PLAIN})
    @Operation(summary = "Import articles from JSON lines: url, title, body, published, source, language")
    public ImportService.Report importJsonLines(InputStream body) {
        try {
            return imports.importJsonLines(body);
        } catch (IOException e) {
            throw ProblemException.badField("body", "could not be read: " + e.getMessage());
        }
    }
}
