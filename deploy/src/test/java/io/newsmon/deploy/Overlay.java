package io.newsmon.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** One overlay as {@code kubectl kustomize} renders it: the raw documents and, for built-in kinds, typed objects. */
final class Overlay {

    static final Path K8S = Path.of("k8s").toAbsolutePath();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** The kubectl to run: {@code $KUBECTL}, else {@code kubectl} on the PATH. */
    static final String KUBECTL = System.getenv().getOrDefault("KUBECTL", "kubectl");

    private static final Map<String, Overlay> RENDERED = new ConcurrentHashMap<>();

    final String name;
    /** Every rendered document, in order. */
    final List<JsonNode> documents;
    /** Typed objects of the built-in kinds (see {@link Schema}); custom resources stay in {@link #documents}. */
    final List<HasMetadata> objects;

    private Overlay(String name, List<JsonNode> documents, List<HasMetadata> objects) {
        this.name = name;
        this.documents = documents;
        this.objects = objects;
    }

    static boolean kubectlAvailable() {
        try {
            Process p = new ProcessBuilder(KUBECTL, "version", "--client")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static Overlay of(String name) {
        return RENDERED.computeIfAbsent(name, Overlay::render);
    }

    private static Overlay render(String name) {
        Path dir = K8S.resolve("overlays").resolve(name);
        if (!Files.isDirectory(dir)) {
            throw new AssertionError("no overlay directory " + dir);
        }
        String yaml = kustomize(dir);
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                    docs.add(doc);
                }
            }
        } catch (IOException e) {
            throw new AssertionError("the output of kubectl kustomize " + dir + " is not YAML: " + e.getMessage(), e);
        }
        List<HasMetadata> typed = new ArrayList<>();
        for (JsonNode doc : docs) {
            Class<? extends HasMetadata> type = Schema.builtIn(doc);
            if (type != null) {
                typed.add(Schema.load(doc, type));
            }
        }
        return new Overlay(name, docs, typed);
    }

    private static String kustomize(Path dir) {
        try {
            Process p = new ProcessBuilder(KUBECTL, "kustomize", dir.toString()).start();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread drain = new Thread(() -> {
                try (InputStream in = p.getErrorStream()) {
                    in.transferTo(err);
                } catch (IOException ignored) {
                    // the exit code says enough
                }
            });
            drain.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + dir + " did not finish in 60 s");
            }
            drain.join();
            if (p.exitValue() != 0) {
                throw new AssertionError(
                        "kubectl kustomize " + dir + " failed: " + err.toString(StandardCharsets.UTF_8));
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError("kubectl kustomize could not be run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> T get(Class<T> type, String name) {
        return all(type).stream()
                .filter(o -> o.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(this.name + ": no " + type.getSimpleName() + " " + name));
    }

    List<JsonNode> custom(String kind) {
        return documents.stream()
                .filter(d -> kind.equals(d.path("kind").asText()))
                .toList();
    }

    /** The pod templates of every workload, by "Kind/name". */
    Map<String, PodTemplateSpec> podTemplates() {
        Map<String, PodTemplateSpec> t = new LinkedHashMap<>();
        all(Deployment.class)
                .forEach(d -> t.put(
                        "Deployment/" + d.getMetadata().getName(), d.getSpec().getTemplate()));
        all(StatefulSet.class)
                .forEach(s -> t.put(
                        "StatefulSet/" + s.getMetadata().getName(), s.getSpec().getTemplate()));
        all(Job.class)
                .forEach(j ->
                        t.put("Job/" + j.getMetadata().getName(), j.getSpec().getTemplate()));
        return t;
    }

    /**
     * The label sets of every pod the overlay will run: the workloads' pod templates plus the pods operators make
     * from custom resources (CloudNativePG puts a Cluster's {@code inheritedMetadata} labels on its instances).
     */
    List<Map<String, String>> podLabels() {
        List<Map<String, String>> pods = new ArrayList<>();
        podTemplates().values().forEach(t -> pods.add(t.getMetadata().getLabels()));
        for (JsonNode cluster : custom("Cluster")) {
            Map<String, String> labels = new LinkedHashMap<>();
            cluster.path("spec")
                    .path("inheritedMetadata")
                    .path("labels")
                    .fields()
                    .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            labels.put("cnpg.io/cluster", cluster.path("metadata").path("name").asText());
            pods.add(labels);
        }
        return pods;
    }

    @Override
    public String toString() {
        return name;
    }
}
