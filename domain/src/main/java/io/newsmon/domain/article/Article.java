package io.newsmon.domain.article;

import io.newsmon.domain.pipeline.PipelineState;
import io.newsmon.domain.source.Source;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** One news article as it moves through the pipeline: discovered, extracted, enriched. */
@Entity
@Table(name = "article")
public class Article extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "source_id")
    public Source source;

    public String url;

    @Column(name = "canonical_url")
    public String canonicalUrl;

    public String title;

    public String body;

    /** Authors, one per line (a byline rarely needs more structure than that). */
    public String authors;

    public String description;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "discovered_at")
    public Instant discoveredAt;

    @Column(name = "fetched_at")
    public Instant fetchedAt;

    @Column(name = "enriched_at")
    public Instant enrichedAt;

    public String language;

    @Enumerated(EnumType.STRING)
    public PipelineState state;

    public int attempts;

    @Column(name = "lease_owner")
    public String leaseOwner;

    @Column(name = "lease_expires_at")
    public Instant leaseExpiresAt;

    @Column(name = "last_error")
    public String lastError;

    /** Set from {@code article_seq} each time the article advances; consumers tail by it. */
    public Long seq;

    public static Optional<Article> findByUrl(String url) {
        return find("url", url).firstResultOptional();
    }

    public List<String> authorList() {
        if (authors == null || authors.isBlank()) {
            return List.of();
        }
        return Arrays.stream(authors.split("\n"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    public void setAuthorList(List<String> names) {
        authors = names == null || names.isEmpty() ? null : String.join("\n", names);
    }
}
