package io.newsmon.domain.article;

import io.newsmon.domain.pipeline.BoundedText;
import io.newsmon.domain.pipeline.LeaseLostException;
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
import jakarta.persistence.LockModeType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.DynamicUpdate;

/** One news article as it moves through the pipeline: discovered, extracted, enriched. */
@Entity
@Table(name = "article")
// only changed columns are written, so a stage's update never rewrites the queue's lease columns
@DynamicUpdate
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

    /** 64-bit SimHash of the extracted body, for near-duplicate detection. */
    public Long simhash;

    /** The earlier article this one copies, when it is a DUPLICATE. */
    @Column(name = "duplicate_of")
    public Long duplicateOf;

    /** The story (table {@code story}) nlp put this article in. */
    @Column(name = "story_id")
    public Long storyId;

    /** From -1 (negative) to 1 (positive), or null when not scored (not English). */
    public Double tone;

    /** Keyphrases, best first, separated by "; ". */
    public String keyphrases;

    /** Three sentences of the body that sum it up. */
    public String summary;

    /** IPTC top-level category slugs, best first, comma-separated; null until enriched. */
    public String categories;

    public List<String> categoryList() {
        return categories == null || categories.isBlank() ? List.of() : List.of(categories.split(","));
    }

    /** PostgreSQL text refuses NUL characters: whatever wrote them (a page, a feed, an import), they go. */
    @PrePersist
    @PreUpdate
    void dropNulCharacters() {
        title = BoundedText.storable(title);
        body = BoundedText.storable(body);
        description = BoundedText.storable(description);
    }

    public static Optional<Article> findByUrl(String url) {
        return find("url", url).firstResultOptional();
    }

    /**
     * Loads the article locked for update, provided {@code owner} still holds its lease: while the lock
     * is held no other worker can claim it, so the stage's result and its fence cannot interleave.
     *
     * @throws LeaseLostException when the lease is no longer {@code owner}'s
     */
    public static Article lockLeased(long id, String owner) {
        Article article = findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (article == null || !owner.equals(article.leaseOwner)) {
            throw new LeaseLostException(id);
        }
        return article;
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
        authors = names == null || names.isEmpty() ? null : BoundedText.clip(String.join("\n", names), 2000);
    }

    /** Sets the fields that come from a page or a feed, clipped to their columns' widths. */
    public void setTitle(String value) {
        title = BoundedText.clip(value, 1000);
    }

    public void setDescription(String value) {
        description = BoundedText.clip(value, 4000);
    }

    public void setLanguage(String value) {
        language = value == null || value.length() > 16 ? null : value;
    }

    public void setCanonicalUrl(String value) {
        canonicalUrl = value == null || value.length() > 2048 ? null : value;
    }
}
