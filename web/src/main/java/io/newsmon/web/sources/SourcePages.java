package io.newsmon.web.sources;

import io.newsmon.domain.dto.NewSource;
import io.newsmon.domain.dto.SourceTrialView;
import io.newsmon.domain.dto.SourceView;
import io.newsmon.web.api.NewsmonApi;
import io.newsmon.web.dashboard.ApiCalls;
import io.newsmon.web.dashboard.ApiRefused;
import io.newsmon.web.dashboard.DashboardException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Sources with their health and filters, for everyone; for admins also adding, editing, OPML import and
 * export, and reindexing. The api enforces the admin role; these pages only show what it would allow.
 */
@Path("/sources")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class SourcePages {

    static final List<String> STATES = List.of("all", "attention", "failing", "silent", "disabled");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(
                String user,
                List<SourceView> sources,
                int total,
                String state,
                String q,
                List<String> states,
                Map<String, Object> index,
                String notice);

        static native TemplateInstance form(
                String user, SourceForm form, SourceView source, String notice, TrialPanel trial);
    }

    private final NewsmonApi api;
    private final SecurityIdentity identity;

    public SourcePages(@RestClient NewsmonApi api, SecurityIdentity identity) {
        this.api = api;
        this.identity = identity;
    }

    @GET
    public TemplateInstance list(
            @QueryParam("state") String state, @QueryParam("q") String q, @QueryParam("notice") String notice) {
        String s = state == null || !STATES.contains(state) ? "all" : state;
        String needle = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        List<SourceView> all = ApiCalls.call(api::sources);
        List<SourceView> shown = all.stream()
                .filter(v -> inState(v, s))
                .filter(v -> needle.isEmpty()
                        || (v.name() != null
                                && v.name().toLowerCase(Locale.ROOT).contains(needle))
                        || v.url().toLowerCase(Locale.ROOT).contains(needle))
                .sorted(Comparator.comparing((SourceView v) -> !inState(v, "attention"))
                        .thenComparing(v -> v.name() == null ? v.url() : v.name(), String.CASE_INSENSITIVE_ORDER))
                .toList();
        Map<String, Object> index = null;
        if (admin()) {
            try {
                index = api.searchStatus();
            } catch (RuntimeException e) {
                index = Map.of("error", "the index status could not be read");
            }
        }
        return Templates.list(user(), shown, all.size(), s, q == null ? "" : q.strip(), STATES, index, notice(notice));
    }

    private static String notice(String code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "added" -> "Source added. Ingest polls it within a minute.";
            case "saved" -> "Settings saved.";
            case "reindex" -> "Reindex started: the index is rebuilt from the database in the background.";
            default -> null;
        };
    }

    /**
     * Whether a source is in one of {@link #STATES}: failing (enabled, its last polls failed), silent (enabled,
     * quiet against its own rate), attention (either), disabled; every source is in "all".
     */
    public static boolean inState(SourceView v, String state) {
        return switch (state) {
            case "attention" -> v.enabled() && (v.silent() || v.consecutiveFailures() > 0);
            case "failing" -> v.enabled() && v.consecutiveFailures() > 0;
            case "silent" -> v.enabled() && v.silent();
            case "disabled" -> !v.enabled();
            default -> true;
        };
    }

    /**
     * The add form; with {@code trial}, also that trial's results so far, the form filled with what the admin
     * had entered (carried in the query, so the page can refresh itself while the trial runs).
     */
    @GET
    @Path("new")
    public TemplateInstance newSource(@QueryParam("trial") Long trial, @Context UriInfo uri) {
        if (trial == null) {
            return Templates.form(user(), SourceForm.blank(), null, null, null);
        }
        SourceTrialView t = ApiCalls.call(() -> api.sourceTrial(trial));
        SourceForm form = SourceForm.fromQuery(uri.getQueryParameters());
        // the results are of the trial's URL, whatever the link says
        form.url = t.url();
        return Templates.form(user(), form, null, null, TrialPanel.of(t, Instant.now()));
    }

    /**
     * <em>Try it</em> on the add form: asks the api for a trial of the URL (ingest runs it) and shows its
     * results on the add form as they come; nothing is added.
     */
    @POST
    @Path("try")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object trySource(@BeanParam SourceForm form) {
        if (form.url == null || form.url.isBlank()) {
            return Templates.form(user(), form.refused("url", "a feed or page URL is required"), null, null, null);
        }
        try {
            SourceTrialView t = ApiCalls.call(() -> api.startSourceTrial(form.trialRequest()));
            return Response.seeOther(URI.create("/sources/new?trial=" + t.id() + "&" + form.query()))
                    .build();
        } catch (ApiRefused r) {
            return Templates.form(
                    user(), form.refused(r.field() == null ? "url" : r.field(), r.getMessage()), null, null, null);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object add(@BeanParam SourceForm form) {
        try {
            NewSource request = form.request(true);
            if (request.url() == null || request.url().isBlank()) {
                return Templates.form(user(), form.refused("url", "a feed or page URL is required"), null, null, null);
            }
            SourceView created = ApiCalls.call(() -> api.addSource(request));
            return Response.seeOther(URI.create("/sources/" + created.id() + "?notice=added"))
                    .build();
        } catch (SourceForm.BadField b) {
            return Templates.form(user(), form.refused(b.field, b.getMessage()), null, null, null);
        } catch (ApiRefused r) {
            return Templates.form(
                    user(), form.refused(r.field() == null ? "url" : r.field(), r.getMessage()), null, null, null);
        }
    }

    @GET
    @Path("{id}")
    public TemplateInstance source(@PathParam("id") long id, @QueryParam("notice") String notice) {
        SourceView s = ApiCalls.call(() -> api.source(id));
        return Templates.form(user(), SourceForm.of(s), s, notice(notice), null);
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object update(@PathParam("id") long id, @BeanParam SourceForm form) {
        SourceView current = ApiCalls.call(() -> api.source(id));
        form.url = current.url();
        try {
            NewSource change = form.request(false);
            ApiCalls.call(() -> api.updateSource(id, change));
            return Response.seeOther(URI.create("/sources/" + id + "?notice=saved"))
                    .build();
        } catch (SourceForm.BadField b) {
            return Templates.form(user(), form.refused(b.field, b.getMessage()), current, null, null);
        } catch (ApiRefused r) {
            return Templates.form(
                    user(), form.refused(r.field() == null ? "name" : r.field(), r.getMessage()), current, null, null);
        }
    }

    /** Every source as OPML, downloaded through the dashboard. */
    @GET
    @Path("opml")
    @Produces("text/x-opml")
    public Response exportOpml() {
        String opml = ApiCalls.call(api::exportOpml);
        return Response.ok(opml, "text/x-opml; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"newsmon-sources.opml\"")
                .build();
    }

    /** An uploaded OPML file: every feed in it not yet a source is added; the report lists what failed. */
    @POST
    @Path("opml")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public TemplateInstance importOpml(@RestForm("opml") FileUpload file) {
        if (file == null || file.size() == 0) {
            throw new DashboardException(400, "No file", "Choose an OPML file to import.");
        }
        String text;
        try {
            text = Files.readString(file.uploadedFile());
        } catch (IOException e) {
            throw new DashboardException(400, "Unreadable file", "The uploaded file could not be read as text.");
        }
        Map<String, Object> report;
        try {
            report = ApiCalls.call(() -> api.importOpml(text));
        } catch (ApiRefused r) {
            throw new DashboardException(400, "Not an OPML file", r.getMessage());
        }
        List<SourceView> all = ApiCalls.call(api::sources);
        Object added = report.get("added");
        Object existing = report.get("existing");
        Object errors = report.get("errors");
        int failed = errors instanceof List<?> l ? l.size() : 0;
        String notice = "OPML imported: " + added + " added, " + existing + " already sources, " + failed
                + " could not be added.";
        if (errors instanceof List<?> l && !l.isEmpty()) {
            StringBuilder b = new StringBuilder(notice);
            for (Object e : l.subList(0, Math.min(10, l.size()))) {
                if (e instanceof Map<?, ?> m) {
                    b.append(" Line ")
                            .append(m.get("line"))
                            .append(": ")
                            .append(m.get("reason"))
                            .append('.');
                }
            }
            notice = b.toString();
        }
        return Templates.list(user(), all, all.size(), "all", "", STATES, null, notice);
    }

    @POST
    @Path("reindex")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reindex() {
        ApiCalls.call(api::reindex);
        return Response.seeOther(URI.create("/sources?notice=reindex")).build();
    }

    private boolean admin() {
        return identity.hasRole("admin");
    }

    private String user() {
        return identity.getPrincipal().getName();
    }
}
