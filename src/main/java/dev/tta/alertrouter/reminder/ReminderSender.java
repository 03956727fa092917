package dev.tta.alertrouter.reminder;

/** Delivers a reminder through its receiver's integrations. */
@FunctionalInterface
public interface ReminderSender {
  void send(Reminder reminder);
}
