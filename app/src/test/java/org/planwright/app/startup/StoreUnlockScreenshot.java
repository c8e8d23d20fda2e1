package org.planwright.app.startup;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Rectangle2D;
import javafx.scene.robot.Robot;
import javax.imageio.ImageIO;
import org.planwright.app.AppOptions;
import org.planwright.app.AppServices;
import org.planwright.app.concurrent.FxBackgroundExecutor;
import org.planwright.app.main.Theme;
import org.planwright.store.Keychain;
import org.planwright.store.StoreEncryption;
import org.planwright.store.WorkbenchStore;

/**
 * Writes docs/screenshots/store-unlock.png: the unlock window of a store encrypted under a master password, right
 * after a wrong password was typed (a real H2 file, the app's own services and background executor). Run under
 * {@code xvfb-run -a java -cp <test classpath> org.planwright.app.startup.StoreUnlockScreenshot OUT.png}; a second
 * argument {@code keychain} shows instead a store whose key is in a keychain this machine cannot reach (Retry, Quit).
 */
public final class StoreUnlockScreenshot {

    private StoreUnlockScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/screenshots/store-unlock.png");
        Path home = Files.createTempDirectory("pw-unlock-shot").resolve("planwright");
        try (WorkbenchStore s = WorkbenchStore.open(home)) {
            s.workspaces().create("Acme Bank");
        }
        boolean keychain = args.length > 1 && args[1].equals("keychain");
        StoreEncryption.enable(home, keychain ? new OneEntryKeychain() : Keychain.none(),
                "the right master password".toCharArray());
        Platform.startup(() -> {
            Theme.LIGHT.apply();
            AppServices services = new AppServices(AppOptions.direct(home, null, null), new FxBackgroundExecutor(),
                    Keychain.none());
            StoreUnlockViewModel vm = new StoreUnlockViewModel(services.executor(),
                    keychain ? StoreEncryption.KeySource.KEYCHAIN : StoreEncryption.KeySource.MASTER_PASSWORD, false,
                    typed -> typed.ifPresentOrElse(services::openStore, services::openStore), () -> { }, () -> { });
            StoreUnlockDialog dialog = new StoreUnlockDialog(vm, home);
            dialog.getScene().getStylesheets().add(org.planwright.app.PlanwrightApp.class
                    .getResource("planwright.css").toExternalForm());
            dialog.setX(0);
            dialog.setY(0);
            dialog.start();
            vm.unlock("wrong password".toCharArray());
            vm.phaseProperty().addListener((o, was, now) -> {
                if (now != StoreUnlockViewModel.Phase.ASKING && now != StoreUnlockViewModel.Phase.FAILED) {
                    return;
                }
                dialog.passwordField().setText("another try");
                javafx.animation.PauseTransition shot = new javafx.animation.PauseTransition(
                        javafx.util.Duration.seconds(1));
                shot.setOnFinished(d -> {
                    try {
                        Files.createDirectories(out.toAbsolutePath().getParent());
                        var scene = dialog.getScene();
                        var image = new Robot().getScreenCapture(null, new Rectangle2D(dialog.getX() + scene.getX(),
                                dialog.getY() + scene.getY(), scene.getWidth(), scene.getHeight()));
                        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out.toFile());
                        System.out.println("wrote " + out.toAbsolutePath() + ": " + vm.messageProperty().get());
                    } catch (Exception e) {
                        e.printStackTrace();
                    } finally {
                        services.close();
                        Platform.exit();
                    }
                });
                shot.play();
            });
        });
    }

    /** The keychain of the machine that encrypted the store: this process cannot reach it afterwards. */
    private static final class OneEntryKeychain implements Keychain {
        @Override
        public boolean available() {
            return true;
        }

        @Override
        public java.util.Optional<char[]> read(String account) {
            return java.util.Optional.empty();
        }

        @Override
        public void write(String account, char[] secret) {
            // kept nowhere: the screenshot's process opens the store with Keychain.none()
        }

        @Override
        public void remove(String account) {
            // nothing kept
        }
    }
}
