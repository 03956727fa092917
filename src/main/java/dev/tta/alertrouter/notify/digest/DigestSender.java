package dev.tta.alertrouter.notify.digest;

/** Delivers a digest through one integration, with the retries and rate limit of its notifications. */
@FunctionalInterface
public interface DigestSender {
  /** @return whether it was delivered (or rendered only, in dry-run or shadow) */
  boolean send(Digest digest);
}
