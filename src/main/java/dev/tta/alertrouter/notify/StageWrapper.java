package dev.tta.alertrouter.notify;

import dev.tta.alertrouter.dispatch.Stage;

/**
 * Wraps a named part of the pipeline (tracing puts each in a span), so the pipeline's shape stays
 * written once, in {@link PipelineBuilder}, whatever watches it.
 */
@FunctionalInterface
public interface StageWrapper {
  StageWrapper NONE = (name, stage) -> stage;

  /**
   * @param name what the part does: {@code mute}, {@code dedup}, {@code integration slack[0]}
   */
  Stage wrap(String name, Stage stage);
}
