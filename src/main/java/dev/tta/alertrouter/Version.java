package dev.tta.alertrouter;

/** The version Maven wrote into the jar's manifest, or "development" when run from classes. */
final class Version {
  private Version() {}

  static String current() {
    String v = Version.class.getPackage().getImplementationVersion();
    return v == null ? "development" : v;
  }
}
