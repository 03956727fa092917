package dev.tta.alertrouter.notify.digest;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.dispatch.FlushContext;
import java.time.Instant;
import java.util.List;

/** Hears every notification folded into a digest and every digest delivered: metrics and explain. */
public interface DigestListener {
  /**
   * A notification of {@code alerts} to an integration was folded into digest {@code digestId},
   * which is due at {@code sendAt}.
   */
  void folded(FlushContext context, String integration, int index, List<Alert> alerts, String digestId,
      Instant sendAt);

  /** A digest was delivered through integration {@code integration[index]}. */
  void digestSent(Digest digest, String integration, int index);

  DigestListener NONE = new DigestListener() {
    @Override
    public void folded(FlushContext context, String integration, int index, List<Alert> alerts, String digestId,
        Instant sendAt) {}

    @Override
    public void digestSent(Digest digest, String integration, int index) {}
  };
}
