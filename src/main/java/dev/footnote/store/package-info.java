/**
 * What Footnote keeps, behind interfaces: {@link dev.footnote.store.Database} (pooled
 * connections, units of work, migrations on open) and one repository per kind of data —
 * {@link dev.footnote.store.Articles} (articles and passages), {@link dev.footnote.store.ClaimLabels}
 * (claim labels and sourcing profiles), {@link dev.footnote.store.AnswerLog},
 * {@link dev.footnote.store.AnswerFeedback}, {@link dev.footnote.store.Meta},
 * {@link dev.footnote.store.FeedStore}, {@link dev.footnote.store.PassageLookup} and the vector
 * tables — gathered in {@link dev.footnote.store.Storage}, which the application holds. The
 * records these exchange live here too.
 *
 * <p>May use: the JDK and Jackson (for {@link dev.footnote.store.Json}), nothing of Footnote's
 * other packages, and no implementation: {@code store.sqlite} and {@code store.postgres} implement
 * it, and the application root picks one by location.
 */
package dev.footnote.store;
