package io.newsmon.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What "schema-valid" means here, without an API server: the apiVersion/kind is on an allowlist of current
 * versions, and a built-in kind loads into fabric8's typed model with no field left over at any depth (fabric8 keeps
 * unknown fields in {@code additionalProperties} instead of failing, so every object of the loaded tree is walked).
 * Custom resources of the operators are checked against the fields their current CRDs define at the top of spec.
 */
final class Schema {

    /** Built-in kinds at their current (served, not deprecated) versions. */
    static final Map<String, Class<? extends HasMetadata>> BUILT_IN = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("apps/v1/StatefulSet", StatefulSet.class),
            Map.entry("batch/v1/Job", Job.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class));

    /** Operator resources (CloudNativePG 1.2x, Keycloak operator 26, Prometheus Operator) and their spec fields. */
    static final Map<String, Set<String>> CUSTOM = Map.of(
            "postgresql.cnpg.io/v1/Cluster",
            Set.of(
                    "instances",
                    "imageName",
                    "inheritedMetadata",
                    "bootstrap",
                    "storage",
                    "walStorage",
                    "resources",
                    "affinity",
                    "monitoring",
                    "backup",
                    "postgresql",
                    "superuserSecret",
                    "enableSuperuserAccess",
                    "primaryUpdateStrategy"),
            "postgresql.cnpg.io/v1/ScheduledBackup",
            Set.of("schedule", "method", "backupOwnerReference", "cluster", "immediate", "suspend", "target"),
            "k8s.keycloak.org/v2alpha1/Keycloak",
            Set.of(
                    "instances",
                    "image",
                    "db",
                    "http",
                    "hostname",
                    "proxy",
                    "ingress",
                    "resources",
                    "features",
                    "transaction",
                    "additionalOptions",
                    "unsupported",
                    "startOptimized"),
            "k8s.keycloak.org/v2alpha1/KeycloakRealmImport",
            Set.of("keycloakCRName", "realm", "placeholders", "resources"),
            "monitoring.coreos.com/v1/ServiceMonitor",
            Set.of("selector", "endpoints", "namespaceSelector", "jobLabel"),
            "monitoring.coreos.com/v1/PrometheusRule",
            Set.of("groups"));

    private Schema() {}

    static String key(JsonNode doc) {
        return doc.path("apiVersion").asText() + "/" + doc.path("kind").asText();
    }

    static Class<? extends HasMetadata> builtIn(JsonNode doc) {
        return BUILT_IN.get(key(doc));
    }

    static <T extends HasMetadata> T load(JsonNode doc, Class<T> type) {
        String what = key(doc) + " " + doc.path("metadata").path("name").asText();
        T object;
        try {
            object = Overlay.YAML.treeToValue(doc, type);
        } catch (Exception e) {
            throw new AssertionError(what + " does not load as " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
        List<String> unknown = new ArrayList<>();
        walk(object, what, unknown, new IdentityHashMap<>());
        if (!unknown.isEmpty()) {
            throw new AssertionError(what + " has fields its schema does not know: " + unknown);
        }
        return object;
    }

    private static void walk(Object node, String path, List<String> unknown, Map<Object, Boolean> seen) {
        if (node == null || seen.put(node, Boolean.TRUE) != null) {
            return;
        }
        if (node instanceof Collection<?> c) {
            int i = 0;
            for (Object o : c) {
                walk(o, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> walk(v, path + "." + k, unknown, seen));
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Class<?> c = node.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                f.setAccessible(true);
                Object value;
                try {
                    value = f.get(node);
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
                if (f.getName().equals("additionalProperties") && value instanceof Map<?, ?> extra) {
                    extra.keySet().forEach(k -> unknown.add(path + "." + k));
                } else {
                    walk(value, path + "." + f.getName(), unknown, seen);
                }
            }
        }
    }
}
