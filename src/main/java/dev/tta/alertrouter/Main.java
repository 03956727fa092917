package dev.tta.alertrouter;

public final class Main {
  public static void main(String[] args) {
    System.out.println("alert-router");
  }
}
