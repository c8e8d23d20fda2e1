package org.planwright.learning;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.type.StructType;
import smile.regression.GradientTreeBoost;

/**
 * A trained improvement model: the cost-only estimate plus Smile's gradient-boosted regression trees over
 * {@link FeatureVector}, fitted to the cost-only estimate's error ({@link EstimatorTraining#row}), with the
 * half-width of its 80 % interval from cross-validation residuals (split-conformal: the 0.8 quantile of the
 * absolute out-of-fold errors; Lei et al. 2018). Immutable; predictions are thread-safe (Smile's trees are
 * read-only after training).
 */
final class LearnedEstimator implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
    /** Written into every stored model; a model of another feature layout is not loaded. */
    static final String LAYOUT = "features-v3-cost-only-correction:" + String.join(",", FeatureVector.names());

    private final GradientTreeBoost model;
    private final String layout;
    private final double intervalHalfWidth;
    private transient StructType schema;

    LearnedEstimator(GradientTreeBoost model, double intervalHalfWidth) {
        this.model = model;
        this.layout = LAYOUT;
        this.intervalHalfWidth = intervalHalfWidth;
    }

    double intervalHalfWidth() {
        return intervalHalfWidth;
    }

    /** @return the predicted improvement, percent: the cost-only estimate plus the predicted correction */
    double predict(double[] features) {
        double[] row = Arrays.copyOf(features, features.length + 1);
        return features[FeatureVector.COST_ONLY] + model.predict(Tuple.of(schema(), row));
    }

    private StructType schema() {
        StructType s = schema;
        if (s == null) {
            s = frame(new double[1][FeatureVector.names().length + 1]).schema();
            schema = s;
        }
        return s;
    }

    /** A data frame of feature rows whose last column is the target {@code y}. */
    static DataFrame frame(double[][] rowsWithTarget) {
        String[] x = FeatureVector.names();
        String[] names = Arrays.copyOf(x, x.length + 1);
        names[x.length] = "y";
        return DataFrame.of(rowsWithTarget, names);
    }

    byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ObjectOutputStream o = new ObjectOutputStream(out)) {
            o.writeObject(this);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise the estimator", e);
        }
        return out.toByteArray();
    }

    /**
     * @return the model, or null when the bytes hold another feature layout or cannot be read (an older
     *     Planwright's model: the next training replaces it)
     */
    static LearnedEstimator fromBytes(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            Object o = in.readObject();
            return o instanceof LearnedEstimator e && LAYOUT.equals(e.layout) ? e : null;
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            return null;
        }
    }
}
