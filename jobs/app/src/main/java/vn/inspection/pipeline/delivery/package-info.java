/**
 * Delivery of rendered reports: the outbox folder of the home, where each PDF lands whole (written beside its
 * final name and renamed into place), e-mail through Spring's {@code JavaMailSender} with the PDF attached and the
 * key figures in the body, and the delivery ledger ({@code <home>/outbox/deliveries.json}) that remembers what was
 * rendered and sent.
 *
 * <p>Promises: a report is rendered once per period and delivered once per period and recipient list; a reader of
 * the outbox never sees half a PDF; an SMTP error is retried with backoff, then reported, and the mail goes out on
 * the next run. The one window left: a process killed after the server accepted a mail and before the ledger records
 * it (milliseconds) sends that mail again on the next run, with the same Message-ID.
 */
package vn.inspection.pipeline.delivery;
