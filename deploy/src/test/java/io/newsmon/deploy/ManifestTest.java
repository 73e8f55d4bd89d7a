package io.newsmon.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Renders every overlay with {@code kubectl kustomize} and checks what ops rely on when they apply it as shipped.
 * Skipped, with a message, where kubectl is not installed.
 */
class ManifestTest {

    static final List<String> SERVICES = List.of("api", "ingest", "nlp", "web");
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** Peak RSS measured for each image (README: nlp 734 MB, ingest 355 MB under the crawl benchmark, Keycloak). */
    static final Map<String, Long> MEASURED_RSS_MB =
            Map.of("newsmon-nlp", 734L, "newsmon-ingest", 355L, "newsmon-keycloak", 480L);

    /** What each service refuses to run without (or runs wrongly without) in a cluster. */
    static final Map<String, List<String>> REQUIRED_ENV = Map.of(
            "api",
            List.of(
                    "QUARKUS_PROFILE",
                    "QUARKUS_HTTP_PORT",
                    "QUARKUS_DATASOURCE_JDBC_URL",
                    "QUARKUS_DATASOURCE_USERNAME",
                    "QUARKUS_DATASOURCE_PASSWORD",
                    "QUARKUS_OIDC_AUTH_SERVER_URL",
                    "NEWSMON_ALERTS_SECRET",
                    "NEWSMON_WEB_URL",
                    "NEWSMON_API_PUBLIC_URL",
                    "NEWSMON_SMTP_HOST",
                    "NEWSMON_SMTP_PORT",
                    "NEWSMON_SMTP_STARTTLS",
                    "QUARKUS_MAILER_FROM",
                    "NEWSMON_SEARCH_INDEX_DIR"),
            "ingest",
            List.of(
                    "QUARKUS_PROFILE",
                    "QUARKUS_HTTP_PORT",
                    "QUARKUS_DATASOURCE_JDBC_URL",
                    "QUARKUS_DATASOURCE_USERNAME",
                    "QUARKUS_DATASOURCE_PASSWORD"),
            "nlp",
            List.of(
                    "QUARKUS_PROFILE",
                    "QUARKUS_HTTP_PORT",
                    "QUARKUS_DATASOURCE_JDBC_URL",
                    "QUARKUS_DATASOURCE_USERNAME",
                    "QUARKUS_DATASOURCE_PASSWORD"),
            "web",
            List.of(
                    "QUARKUS_PROFILE",
                    "QUARKUS_HTTP_PORT",
                    "QUARKUS_OIDC_AUTH_SERVER_URL",
                    "QUARKUS_OIDC_CREDENTIALS_SECRET",
                    "NEWSMON_API_URL"));

    @BeforeAll
    static void kubectl() {
        boolean present = Overlay.kubectlAvailable();
        if (!present) {
            System.err.println("ManifestTest SKIPPED: kubectl is not installed, so the overlays in deploy/k8s were not"
                    + " rendered or checked (install kubectl 1.27+ with its built-in kustomize to run these checks)");
        }
        Assumptions.assumeTrue(present, "kubectl is not installed: deploy/k8s overlays not rendered or checked");
    }

    static Stream<Overlay> overlays() {
        return Stream.of("dev", "prod").map(Overlay::of);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyObjectIsOfAnAllowedApiVersionAndLoadsWithoutUnknownFields(String name) {
        Overlay o = Overlay.of(name); // loading the typed objects already failed on unknown fields
        for (JsonNode doc : o.documents) {
            String key = Schema.key(doc);
            assertThat(Schema.BUILT_IN.containsKey(key) || Schema.CUSTOM.containsKey(key))
                    .as("%s: %s is not an allowed apiVersion/kind", name, key)
                    .isTrue();
            Set<String> known = Schema.CUSTOM.get(key);
            if (known != null) {
                Set<String> fields = new TreeSet<>();
                doc.path("spec").fieldNames().forEachRemaining(fields::add);
                assertThat(known).as("%s: spec fields of %s", name, key).containsAll(fields);
            }
        }
        assertThat(o.objects).hasSizeGreaterThan(20);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void workloadsHaveProbesAndTheServicesAStartupProbeLongEnoughForTheirStart(String name) {
        Overlay o = Overlay.of(name);
        for (Deployment d : o.all(Deployment.class)) {
            probes(name, "Deployment/" + d.getMetadata().getName(), d.getSpec().getTemplate());
        }
        for (StatefulSet s : o.all(StatefulSet.class)) {
            probes(name, "StatefulSet/" + s.getMetadata().getName(), s.getSpec().getTemplate());
        }
        for (String svc : SERVICES) {
            Container c = serviceContainer(o, svc);
            assertThat(c.getStartupProbe())
                    .as("%s: %s startup probe", name, svc)
                    .isNotNull();
            assertThat(c.getStartupProbe().getHttpGet().getPath()).isEqualTo("/q/health/started");
            assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
            assertThat(c.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
        }
        Container nlp = serviceContainer(o, "nlp");
        int budget =
                nlp.getStartupProbe().getPeriodSeconds() * nlp.getStartupProbe().getFailureThreshold();
        assertThat(budget)
                .as("%s: seconds nlp may take to load its models", name)
                .isGreaterThanOrEqualTo(120);
    }

    private static void probes(String overlay, String what, PodTemplateSpec t) {
        for (Container c : t.getSpec().getContainers()) {
            assertThat(c.getReadinessProbe())
                    .as("%s: %s/%s readiness", overlay, what, c.getName())
                    .isNotNull();
            assertThat(c.getLivenessProbe())
                    .as("%s: %s/%s liveness", overlay, what, c.getName())
                    .isNotNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyContainerHasRequestsAndAMemoryLimitAboveWhatItWasMeasuredToUse(String name) {
        Overlay o = Overlay.of(name);
        o.podTemplates().forEach((what, t) -> {
            for (Container c : t.getSpec().getContainers()) {
                String id = name + ": " + what + "/" + c.getName();
                var r = c.getResources();
                assertThat(r).as(id).isNotNull();
                assertThat(r.getRequests()).as(id + " requests").containsKeys("cpu", "memory");
                assertThat(r.getLimits()).as(id + " limits").containsKey("memory");
                long request = bytes(r.getRequests().get("memory"));
                long limit = bytes(r.getLimits().get("memory"));
                assertThat(limit).as(id + " memory limit >= request").isGreaterThanOrEqualTo(request);
                Long rss = MEASURED_RSS_MB.get(what.substring(what.indexOf('/') + 1));
                if (rss != null) {
                    // 30 % headroom over the measured peak for the request, 50 % for the limit
                    assertThat(request)
                            .as(id + " memory request vs measured RSS")
                            .isGreaterThan(rss * 1_300_000L);
                    assertThat(limit).as(id + " memory limit vs measured RSS").isGreaterThan(rss * 1_500_000L);
                }
            }
        });
        for (JsonNode cluster : o.custom("Cluster")) {
            assertThat(cluster.at("/spec/resources/limits/memory").asText()).isNotEmpty();
        }
        for (JsonNode kc : o.custom("Keycloak")) {
            long limit =
                    bytes(new Quantity(kc.at("/spec/resources/limits/memory").asText()));
            assertThat(limit).as("%s: Keycloak memory limit", name).isGreaterThan(480 * 1_500_000L);
        }
    }

    private static long bytes(Quantity q) {
        BigDecimal b = Quantity.getAmountInBytes(q);
        return b.longValueExact();
    }

    /** Third-party containers that cannot run with a read-only root filesystem, and why. */
    static final Map<String, String> WRITABLE_ROOT =
            Map.of("Deployment/newsmon-keycloak", "Keycloak's dev mode rebuilds itself under /opt/keycloak at start");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void podsMeetTheRestrictedPodSecurityStandard(String name) {
        Overlay o = Overlay.of(name);
        o.podTemplates().forEach((what, t) -> {
            PodSpec p = t.getSpec();
            String id = name + ": " + what;
            assertThat(p.getHostNetwork()).as(id + " hostNetwork").isNotEqualTo(Boolean.TRUE);
            assertThat(p.getHostPID()).as(id + " hostPID").isNotEqualTo(Boolean.TRUE);
            assertThat(p.getVolumes()).as(id + " hostPath").allMatch(v -> v.getHostPath() == null);
            assertThat(p.getAutomountServiceAccountToken())
                    .as(id + " token mount")
                    .isFalse();
            assertThat(p.getSecurityContext()).as(id).isNotNull();
            assertThat(p.getSecurityContext().getRunAsNonRoot())
                    .as(id + " runAsNonRoot")
                    .isTrue();
            assertThat(p.getSecurityContext().getRunAsUser())
                    .as(id + " runAsUser")
                    .isNotNull()
                    .isPositive();
            assertThat(p.getSecurityContext().getSeccompProfile().getType())
                    .as(id + " seccomp")
                    .isEqualTo("RuntimeDefault");
            for (Container c : concat(p.getInitContainers(), p.getContainers())) {
                String cid = id + "/" + c.getName();
                var sc = c.getSecurityContext();
                assertThat(sc).as(cid).isNotNull();
                assertThat(sc.getAllowPrivilegeEscalation())
                        .as(cid + " allowPrivilegeEscalation")
                        .isFalse();
                assertThat(sc.getPrivileged()).as(cid + " privileged").isNotEqualTo(Boolean.TRUE);
                assertThat(sc.getCapabilities().getDrop()).as(cid + " drops").containsExactly("ALL");
                assertThat(sc.getCapabilities().getAdd()).as(cid + " adds").isNullOrEmpty();
                if (!WRITABLE_ROOT.containsKey(what)) {
                    assertThat(sc.getReadOnlyRootFilesystem())
                            .as(cid + " readOnlyRootFilesystem")
                            .isTrue();
                }
            }
        });
        for (String svc : SERVICES) {
            PodSpec p = servicePod(o, svc);
            assertThat(p.getServiceAccountName()).isEqualTo("newsmon-" + svc);
            ServiceAccount sa = o.get(ServiceAccount.class, "newsmon-" + svc);
            assertThat(sa.getAutomountServiceAccountToken())
                    .as("%s: ServiceAccount %s", name, svc)
                    .isFalse();
            assertThat(p.getContainers().get(0).getVolumeMounts())
                    .as("%s: %s has a writable /tmp", name, svc)
                    .anyMatch(m -> m.getMountPath().equals("/tmp"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyImageIsPinnedToAVersion(String name) {
        Overlay o = Overlay.of(name);
        List<String> images = new ArrayList<>();
        o.podTemplates()
                .values()
                .forEach(
                        t -> concat(t.getSpec().getInitContainers(), t.getSpec().getContainers())
                                .forEach(c -> images.add(c.getImage())));
        o.custom("Cluster").forEach(c -> images.add(c.at("/spec/imageName").asText()));
        o.custom("Keycloak").forEach(c -> images.add(c.at("/spec/image").asText()));
        assertThat(images).isNotEmpty();
        Pattern pinned = Pattern.compile("[^:@]+(/[^:@]+)*(:[\\w.-]+|@sha256:[0-9a-f]{64})");
        for (String image : images) {
            assertThat(image).as("%s: image %s", name, image).matches(pinned);
            assertThat(image).as("%s: image %s", name, image).doesNotEndWith(":latest");
            assertThat(image.substring(image.lastIndexOf(':') + 1))
                    .as("%s: image %s has a version tag", name, image)
                    .containsPattern("\\d");
        }
        if (name.equals("prod")) {
            for (String svc : SERVICES) {
                assertThat(serviceContainer(o, svc).getImage()).startsWith("registry.example.org/newsmon/" + svc + ":");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void selectorsMatchTheLabelsOfThePodsTheyAreFor(String name) {
        Overlay o = Overlay.of(name);
        for (Deployment d : o.all(Deployment.class)) {
            assertThat(matches(
                            d.getSpec().getSelector(),
                            d.getSpec().getTemplate().getMetadata().getLabels()))
                    .as("%s: Deployment %s selector", name, d.getMetadata().getName())
                    .isTrue();
        }
        for (StatefulSet s : o.all(StatefulSet.class)) {
            assertThat(matches(
                            s.getSpec().getSelector(),
                            s.getSpec().getTemplate().getMetadata().getLabels()))
                    .as("%s: StatefulSet %s selector", name, s.getMetadata().getName())
                    .isTrue();
            o.get(Service.class, s.getSpec().getServiceName());
        }
        List<Map<String, String>> pods = o.podLabels();
        for (Service svc : o.all(Service.class)) {
            Map<String, String> sel = svc.getSpec().getSelector();
            assertThat(pods.stream().anyMatch(l -> l.entrySet().containsAll(sel.entrySet())))
                    .as("%s: Service %s selects a pod", name, svc.getMetadata().getName())
                    .isTrue();
        }
        for (PodDisruptionBudget pdb : o.all(PodDisruptionBudget.class)) {
            assertThat(pods.stream().anyMatch(l -> matches(pdb.getSpec().getSelector(), l)))
                    .as(
                            "%s: PodDisruptionBudget %s selects a pod",
                            name, pdb.getMetadata().getName())
                    .isTrue();
        }
        for (HorizontalPodAutoscaler hpa : o.all(HorizontalPodAutoscaler.class)) {
            var ref = hpa.getSpec().getScaleTargetRef();
            boolean exists = ref.getKind().equals("Deployment")
                    ? o.all(Deployment.class).stream()
                            .anyMatch(d -> d.getMetadata().getName().equals(ref.getName()))
                    : o.all(StatefulSet.class).stream()
                            .anyMatch(d -> d.getMetadata().getName().equals(ref.getName()));
            assertThat(exists)
                    .as("%s: HPA %s targets %s", name, hpa.getMetadata().getName(), ref.getName())
                    .isTrue();
        }
        for (Ingress ing : o.all(Ingress.class)) {
            ing.getSpec()
                    .getRules()
                    .forEach(r -> r.getHttp().getPaths().forEach(p -> {
                        Service svc =
                                o.get(Service.class, p.getBackend().getService().getName());
                        String port = p.getBackend().getService().getPort().getName();
                        assertThat(svc.getSpec().getPorts())
                                .anyMatch(sp -> sp.getName().equals(port));
                    }));
        }
        for (String svc : SERVICES) {
            assertThat(o.all(PodDisruptionBudget.class))
                    .as("%s: PDB for %s", name, svc)
                    .anyMatch(p -> p.getMetadata().getName().equals("newsmon-" + svc));
            assertThat(o.all(HorizontalPodAutoscaler.class))
                    .as("%s: HPA for %s", name, svc)
                    .anyMatch(p -> p.getSpec().getScaleTargetRef().getName().equals("newsmon-" + svc));
        }
    }

    static final Pattern SECRET_NAME = Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|PRIVATE|CREDENTIAL).*");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void noSecretValueIsInTheManifests(String name) {
        Overlay o = Overlay.of(name);
        assertThat(o.documents)
                .as("%s: Secrets are created by ops, never shipped", name)
                .noneMatch(d -> d.path("kind").asText().equals("Secret"));
        o.podTemplates()
                .forEach((what, t) -> concat(
                                t.getSpec().getInitContainers(), t.getSpec().getContainers())
                        .forEach(c -> {
                            for (EnvVar e : list(c.getEnv())) {
                                if (SECRET_NAME.matcher(e.getName()).matches()) {
                                    assertThat(e.getValue())
                                            .as("%s: %s/%s sets %s to a literal", name, what, c.getName(), e.getName())
                                            .isNull();
                                    assertThat(e.getValueFrom().getSecretKeyRef())
                                            .isNotNull();
                                }
                            }
                        }));
        for (ConfigMap cm : o.all(ConfigMap.class)) {
            if (cm.getMetadata().getName().startsWith("newsmon-config")) {
                assertThat(cm.getData().keySet())
                        .as("%s: ConfigMap keys", name)
                        .noneMatch(k -> SECRET_NAME.matcher(k).matches());
            }
        }
        for (JsonNode imp : o.custom("KeycloakRealmImport")) {
            for (JsonNode client : imp.at("/spec/realm/clients")) {
                String secret = client.path("secret").asText("");
                assertThat(secret.isEmpty() || secret.matches("\\$\\{[A-Z_]+}"))
                        .as("%s: client %s secret is a placeholder", name, client.path("clientId"))
                        .isTrue();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceGetsEverySettingItNeeds(String name) {
        Overlay o = Overlay.of(name);
        for (String svc : SERVICES) {
            Map<String, String> env = environment(o, serviceContainer(o, svc));
            assertThat(env.keySet()).as("%s: environment of %s", name, svc).containsAll(REQUIRED_ENV.get(svc));
            assertThat(env.get("QUARKUS_PROFILE"))
                    .as("%s: %s profile", name, svc)
                    .isEqualTo("prod,kube");
        }
        Map<String, String> api = environment(o, serviceContainer(o, "api"));
        assertThat(api.get("NEWSMON_ALERTS_SECRET")).isEqualTo("secret:newsmon-alerts/secret");
        StatefulSet sts = o.get(StatefulSet.class, "newsmon-api");
        assertThat(sts.getSpec().getVolumeClaimTemplates())
                .as("%s: the api index volume", name)
                .anySatisfy(pvc -> {
                    assertThat(serviceContainer(o, "api").getVolumeMounts())
                            .anyMatch(m -> m.getName().equals(pvc.getMetadata().getName())
                                    && m.getMountPath().equals(api.get("NEWSMON_SEARCH_INDEX_DIR")));
                });
        if (name.equals("prod")) {
            assertThat(api.get("NEWSMON_WEB_URL")).startsWith("https://");
            assertThat(api.get("NEWSMON_API_PUBLIC_URL")).startsWith("https://");
            // alert e-mail (and the SMTP password) never crosses the network unencrypted; a QUARKUS_MAILER_START_TLS
            // would win over NEWSMON_SMTP_STARTTLS, so there is none
            assertThat(api.get("NEWSMON_SMTP_STARTTLS")).isEqualTo("REQUIRED");
            assertThat(api).doesNotContainKey("QUARKUS_MAILER_START_TLS");
            assertThat(api).containsKeys("QUARKUS_MAILER_USERNAME", "QUARKUS_MAILER_PASSWORD");
            assertThat(environment(o, serviceContainer(o, "web")).get("QUARKUS_OIDC_AUTH_SERVER_URL"))
                    .startsWith("https://");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void flywayRunsInExactlyOnePlace(String name) {
        Overlay o = Overlay.of(name);
        List<String> migrating = new ArrayList<>();
        o.podTemplates()
                .forEach((what, t) -> t.getSpec().getContainers().forEach(c -> {
                    Map<String, String> env = environment(o, c);
                    boolean kube = List.of(
                                    env.getOrDefault("QUARKUS_PROFILE", "prod").split(","))
                            .contains("kube");
                    String explicit = env.get("QUARKUS_FLYWAY_MIGRATE_AT_START");
                    // without the kube profile or an explicit false, a service migrates (application.properties says
                    // true)
                    boolean migrates = explicit != null ? explicit.equals("true") : !kube;
                    if (migrates && c.getImage().contains("newsmon/")) {
                        migrating.add(what);
                    }
                }));
        assertThat(migrating).as("%s: workloads that run Flyway", name).containsExactly("Job/newsmon-migrate");
        Map<String, String> job = environment(
                o,
                o.get(Job.class, "newsmon-migrate")
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0));
        assertThat(job).containsEntry("QUARKUS_INIT_AND_EXIT", "true");
    }

    @Test
    void everyServiceSwitchesFlywayAtStartOffUnderTheKubeProfile() throws IOException {
        for (String svc : List.of("api", "ingest", "nlp")) {
            String props = Files.readString(ROOT.resolve(svc + "/src/main/resources/application.properties"));
            assertThat(props).as(svc).containsPattern("(?m)^%kube\\.quarkus\\.flyway\\.migrate-at-start=false$");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void networkPoliciesSelectRealPodsAndFenceTheWorkloads(String name) {
        Overlay o = Overlay.of(name);
        List<Map<String, String>> pods = o.podLabels();
        for (NetworkPolicy np : o.all(NetworkPolicy.class)) {
            String id = name + ": NetworkPolicy " + np.getMetadata().getName();
            assertThat(pods.stream().anyMatch(l -> matches(np.getSpec().getPodSelector(), l)))
                    .as(id + " selects a pod")
                    .isTrue();
            List<NetworkPolicyPeer> peers = new ArrayList<>();
            list(np.getSpec().getIngress()).forEach(r -> peers.addAll(list(r.getFrom())));
            list(np.getSpec().getEgress()).forEach(r -> peers.addAll(list(r.getTo())));
            for (NetworkPolicyPeer peer : peers) {
                if (peer.getPodSelector() != null && peer.getNamespaceSelector() == null) {
                    assertThat(pods.stream().anyMatch(l -> matches(peer.getPodSelector(), l)))
                            .as(id + " peer " + peer.getPodSelector() + " selects a pod")
                            .isTrue();
                }
            }
        }
        // every newsmon workload is under the default deny, so what is allowed is only what the policies say
        NetworkPolicy deny = o.get(NetworkPolicy.class, "newsmon-default-deny");
        assertThat(deny.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        for (String svc : SERVICES) {
            assertThat(matches(deny.getSpec().getPodSelector(), servicePodLabels(o, svc)))
                    .as(svc)
                    .isTrue();
        }
        // SMTP ports are opened for the api only; ingest's Internet egress excludes the metadata and private ranges
        for (NetworkPolicy np : o.all(NetworkPolicy.class)) {
            boolean smtp = list(np.getSpec().getEgress()).stream()
                    .flatMap(r -> list(r.getPorts()).stream())
                    .anyMatch(p -> p.getPort() != null
                            && Set.of(25, 465, 587).contains(p.getPort().getIntVal()));
            if (smtp) {
                assertThat(np.getSpec().getPodSelector().getMatchLabels())
                        .as("SMTP egress in " + np.getMetadata().getName())
                        .containsEntry("app.kubernetes.io/name", "newsmon-api");
            }
        }
        var ingest = o.get(NetworkPolicy.class, "newsmon-ingest").getSpec().getEgress();
        assertThat(ingest)
                .singleElement()
                .satisfies(r -> assertThat(r.getTo())
                        .anySatisfy(p -> assertThat(p.getIpBlock().getExcept())
                                .contains("169.254.0.0/16", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16")));
        // only web and api accept traffic from the ingress controller
        for (NetworkPolicy np : o.all(NetworkPolicy.class)) {
            boolean fromIngress = list(np.getSpec().getIngress()).stream()
                    .flatMap(r -> list(r.getFrom()).stream())
                    .anyMatch(p -> p.getNamespaceSelector() != null
                            && "ingress-nginx"
                                    .equals(p.getNamespaceSelector()
                                            .getMatchLabels()
                                            .get("kubernetes.io/metadata.name")));
            if (fromIngress) {
                assertThat(np.getSpec().getPodSelector().getMatchLabels().get("app.kubernetes.io/name"))
                        .isIn("newsmon-web", "newsmon-api");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theIngressesRouteTheDashboardAndOnlyThePublicApiPaths(String name) {
        Overlay o = Overlay.of(name);
        Ingress web = o.get(Ingress.class, "newsmon-web");
        Ingress api = o.get(Ingress.class, "newsmon-api");
        assertThat(web.getSpec()
                        .getRules()
                        .get(0)
                        .getHttp()
                        .getPaths()
                        .get(0)
                        .getBackend()
                        .getService()
                        .getName())
                .isEqualTo("newsmon-web");
        List<String> apiPaths = api.getSpec().getRules().stream()
                .flatMap(r -> r.getHttp().getPaths().stream())
                .map(p -> p.getPath())
                .toList();
        assertThat(apiPaths).containsExactly("/api");
        if (name.equals("prod")) {
            for (Ingress ing : List.of(web, api)) {
                Set<String> hosts = new TreeSet<>();
                ing.getSpec().getTls().forEach(t -> hosts.addAll(t.getHosts()));
                assertThat(hosts)
                        .as("TLS hosts of " + ing.getMetadata().getName())
                        .containsAll(ing.getSpec().getRules().stream()
                                .map(r -> r.getHost())
                                .toList());
            }
            Map<String, String> env = environment(o, serviceContainer(o, "api"));
            assertThat(env.get("NEWSMON_API_PUBLIC_URL"))
                    .isEqualTo("https://" + api.getSpec().getRules().get(0).getHost());
            assertThat(env.get("NEWSMON_WEB_URL"))
                    .isEqualTo("https://" + web.getSpec().getRules().get(0).getHost());
        }
    }

    @Test
    void theProductionRealmRequiresTlsLocksOutGuessersAndHasNoPasswordGrant() {
        Overlay o = Overlay.of("prod");
        JsonNode realm = o.custom("KeycloakRealmImport").get(0).at("/spec/realm");
        assertThat(realm.path("sslRequired").asText()).isEqualTo("external");
        assertThat(realm.path("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.path("users").isMissingNode())
                .as("no users in the production realm")
                .isTrue();
        assertThat(realm.path("clients")).isNotEmpty();
        for (JsonNode client : realm.path("clients")) {
            String id = client.path("clientId").asText();
            assertThat(client.path("directAccessGrantsEnabled").asBoolean(false))
                    .as(id + " password grant")
                    .isFalse();
            assertThat(client.path("implicitFlowEnabled").asBoolean(false))
                    .as(id)
                    .isFalse();
            for (JsonNode uri : client.path("redirectUris")) {
                assertThat(uri.asText()).as(id + " redirect URI").startsWith("https://");
            }
        }
        JsonNode kc = o.custom("Keycloak").get(0);
        assertThat(o.custom("KeycloakRealmImport")
                        .get(0)
                        .at("/spec/keycloakCRName")
                        .asText())
                .isEqualTo(kc.at("/metadata/name").asText());
        assertThat(kc.at("/spec/hostname/hostname").asText()).startsWith("https://");
        assertThat(environment(o, serviceContainer(o, "web")).get("QUARKUS_OIDC_AUTH_SERVER_URL"))
                .isEqualTo(kc.at("/spec/hostname/hostname").asText() + "/realms/"
                        + realm.path("realm").asText());
    }

    @Test
    void theDevOverlayImportsTheLocalRealmFileUnchanged() throws IOException {
        assertThat(Overlay.K8S.resolve("overlays/dev/newsmon-realm.json"))
                .as("overlays/dev/newsmon-realm.json is a copy of deploy/keycloak/newsmon-realm.json: copy it again")
                .hasSameTextualContentAs(ROOT.resolve("deploy/keycloak/newsmon-realm.json"));
    }

    @Test
    void theRunbookListsExactlyTheSecretsTheManifestsReference() throws IOException {
        String runbook = Files.readString(ROOT.resolve("deploy/README.md"));
        for (String overlay : List.of("dev", "prod")) {
            Overlay o = Overlay.of(overlay);
            Set<String> referenced = new TreeSet<>();
            o.podTemplates()
                    .values()
                    .forEach(t -> concat(
                                    t.getSpec().getInitContainers(), t.getSpec().getContainers())
                            .forEach(c -> list(c.getEnv()).stream()
                                    .filter(e -> e.getValueFrom() != null
                                            && e.getValueFrom().getSecretKeyRef() != null)
                                    .forEach(e -> referenced.add(
                                            e.getValueFrom().getSecretKeyRef().getName()))));
            o.custom("Cluster")
                    .forEach(c -> referenced.add(
                            c.at("/spec/bootstrap/initdb/secret/name").asText()));
            o.custom("Keycloak").forEach(k -> {
                referenced.add(k.at("/spec/db/usernameSecret/name").asText());
                referenced.add(k.at("/spec/http/tlsSecret").asText());
            });
            o.custom("KeycloakRealmImport")
                    .forEach(r -> r.at("/spec/placeholders")
                            .forEach(p -> referenced.add(p.at("/secret/name").asText())));
            o.all(Ingress.class)
                    .forEach(i -> list(i.getSpec().getTls()).forEach(t -> referenced.add(t.getSecretName())));
            Set<String> documented = new TreeSet<>();
            Matcher m = Pattern.compile("kubectl -n " + namespace(o) + " create secret \\w+ ([a-z0-9-]+)")
                    .matcher(runbook);
            while (m.find()) {
                documented.add(m.group(1));
            }
            assertThat(documented)
                    .as("Secrets deploy/README.md creates for overlays/" + overlay)
                    .isEqualTo(referenced);
        }
    }

    @Test
    void everyMetricTheAlertsUseIsPublishedByAService() throws IOException {
        Overlay o = Overlay.of("prod");
        Set<String> used = new TreeSet<>();
        Matcher m = Pattern.compile("\\bnewsmon_[a-z_]+")
                .matcher(o.custom("PrometheusRule").get(0).at("/spec/groups").toString());
        while (m.find()) {
            used.add(m.group());
        }
        assertThat(used).isNotEmpty();
        StringBuilder sources = new StringBuilder();
        for (String svc : List.of("api", "ingest", "nlp")) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(svc + "/src/main/java"))) {
                for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    sources.append(Files.readString(f));
                }
            }
        }
        for (String metric : used) {
            // Micrometer's Prometheus names: dots become underscores
            assertThat(sources.toString())
                    .as("a service registers the meter behind " + metric)
                    .contains("\"" + metric.replace('_', '.') + "\"");
        }
    }

    private static String namespace(Overlay o) {
        return o.all(io.fabric8.kubernetes.api.model.Namespace.class)
                .get(0)
                .getMetadata()
                .getName();
    }

    // ---------------------------------------------------------------------------------------------------------

    static PodSpec servicePod(Overlay o, String svc) {
        return (svc.equals("api")
                        ? o.get(StatefulSet.class, "newsmon-api").getSpec().getTemplate()
                        : o.get(Deployment.class, "newsmon-" + svc).getSpec().getTemplate())
                .getSpec();
    }

    static Map<String, String> servicePodLabels(Overlay o, String svc) {
        return (svc.equals("api")
                        ? o.get(StatefulSet.class, "newsmon-api").getSpec().getTemplate()
                        : o.get(Deployment.class, "newsmon-" + svc).getSpec().getTemplate())
                .getMetadata()
                .getLabels();
    }

    static Container serviceContainer(Overlay o, String svc) {
        return servicePod(o, svc).getContainers().stream()
                .filter(c -> c.getName().equals(svc))
                .findFirst()
                .orElseThrow(() -> new AssertionError(o + ": no container " + svc));
    }

    /**
     * The container's environment as the kubelet builds it: envFrom ConfigMaps first (each must exist in the render
     * and hold the key), then env; a Secret reference shows as {@code secret:<name>/<key>}.
     */
    static Map<String, String> environment(Overlay o, Container c) {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvFromSource from : list(c.getEnvFrom())) {
            if (from.getConfigMapRef() != null) {
                env.putAll(
                        o.get(ConfigMap.class, from.getConfigMapRef().getName()).getData());
            }
            if (from.getSecretRef() != null) {
                throw new AssertionError(c.getName() + ": envFrom a whole Secret hides what is required");
            }
        }
        for (EnvVar e : list(c.getEnv())) {
            if (e.getValueFrom() == null) {
                env.put(e.getName(), e.getValue());
            } else if (e.getValueFrom().getSecretKeyRef() != null) {
                var ref = e.getValueFrom().getSecretKeyRef();
                env.put(e.getName(), "secret:" + ref.getName() + "/" + ref.getKey());
            } else if (e.getValueFrom().getConfigMapKeyRef() != null) {
                var ref = e.getValueFrom().getConfigMapKeyRef();
                String v = o.get(ConfigMap.class, ref.getName()).getData().get(ref.getKey());
                assertThat(v).as(c.getName() + " " + e.getName()).isNotNull();
                env.put(e.getName(), v);
            } else {
                env.put(e.getName(), "field:" + e.getValueFrom());
            }
        }
        return env;
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null || labels == null) {
            return false;
        }
        if (selector.getMatchLabels() != null
                && !labels.entrySet().containsAll(selector.getMatchLabels().entrySet())) {
            return false;
        }
        for (LabelSelectorRequirement r : list(selector.getMatchExpressions())) {
            String v = labels.get(r.getKey());
            boolean ok = switch (r.getOperator()) {
                case "In" -> v != null && r.getValues().contains(v);
                case "NotIn" -> v == null || !r.getValues().contains(v);
                case "Exists" -> v != null;
                case "DoesNotExist" -> v == null;
                default -> throw new AssertionError("unknown selector operator " + r.getOperator());
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }

    static List<Container> concat(List<Container> a, List<Container> b) {
        List<Container> all = new ArrayList<>(list(a));
        all.addAll(list(b));
        return all;
    }
}
