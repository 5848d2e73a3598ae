package dev.footnote.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Every answer given, with what it was given from and what the checks flagged in it. */
public interface AnswerLog {

    /** Records an answer (id and createdAt of the argument are ignored); returns its id. */
    long record(AnswerRecord r);

    Optional<AnswerRecord> get(long id);

    /** Recent answers since {@code sinceIso}, newest first; only those that carried flags when {@code flaggedOnly}. */
    List<AnswerRecord> recent(String sinceIso, boolean flaggedOnly, int limit);

    /**
     * Flagged answers asked in the Discord server {@code guildId} since {@code since}, with id at
     * most {@code untilId}, newest first. The server is filtered in the database, so another
     * server's questions never leave it; none for a null server (a direct message).
     */
    List<AnswerRecord> flaggedOfServer(String guildId, Instant since, long untilId, int limit);

    /** Flagged answers of every origin (Discord servers, direct messages, CLI, chat) since {@code since}, newest first. */
    List<AnswerRecord> flagged(Instant since, int limit);
}
