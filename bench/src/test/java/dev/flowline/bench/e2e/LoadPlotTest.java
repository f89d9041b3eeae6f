package dev.flowline.bench.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LoadPlotTest {

    @TempDir
    Path dir;

    @Test
    void writes_a_png_of_both_series() throws Exception {
        Path file = dir.resolve("plot.png");
        LoadPlot.write(file, List.of(new double[] {250, 330, 5, 20}, new double[] {1000, 1300, 6, 45}),
                List.of(new double[] {250, 320, 9, 60}, new double[] {1000, 500, 9000, 20000}));

        BufferedImage img = ImageIO.read(file.toFile());
        assertThat(img.getWidth()).isEqualTo(1100);
        assertThat(img.getHeight()).isEqualTo(480);
    }
}
