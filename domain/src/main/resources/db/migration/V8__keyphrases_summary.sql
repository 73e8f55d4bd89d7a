-- Keyphrases ("; "-separated, best first) and a three-sentence extractive summary, written by nlp.
ALTER TABLE article ADD COLUMN keyphrases VARCHAR(2000);
ALTER TABLE article ADD COLUMN summary VARCHAR(4000);
