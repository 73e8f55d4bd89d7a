-- Countries an article is about (ISO 3166-1 alpha-2), with how often each was mentioned; written by nlp.
CREATE TABLE article_country (
    article_id BIGINT     NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    code       VARCHAR(2) NOT NULL,
    mentions   INTEGER    NOT NULL,
    PRIMARY KEY (article_id, code)
);
CREATE INDEX article_country_code_idx ON article_country (code);
