package io.newsmon.domain.article;

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
import java.util.List;

/** One named-entity span that enrichment found in an article's body, and which recogniser found it. */
@Entity
@Table(name = "entity_mention")
public class EntityMention extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "article_id")
    public Article article;

    @Enumerated(EnumType.STRING)
    public EntityType type;

    public String text;

    @Column(name = "start_offset")
    public int startOffset;

    @Column(name = "end_offset")
    public int endOffset;

    public String recognizer;

    /** The cross-article entity this mention stands for (table {@code entity}), or null. */
    @Column(name = "entity_id")
    public Long entityId;

    /** Tone of the sentences naming this entity in the article, -1 to 1, or null. */
    public Double tone;

    public static List<EntityMention> ofArticle(long articleId) {
        return list("article.id = ?1 order by startOffset", articleId);
    }

    public static long deleteOfArticle(long articleId) {
        return delete("article.id", articleId);
    }
}
