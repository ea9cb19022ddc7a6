//! Agreement statistics for `rubric eval`: Pearson, Spearman, quadratic weighted kappa, RMSE of
//! a least-squares fit.

/// Pearson correlation; 0 when either side is constant.
pub fn pearson(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len().min(y.len());
    if n < 2 {
        return 0.0;
    }
    let (mx, my) = (mean(&x[..n]), mean(&y[..n]));
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for i in 0..n {
        let (dx, dy) = (x[i] - mx, y[i] - my);
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    if sxx == 0.0 || syy == 0.0 {
        0.0
    } else {
        sxy / (sxx * syy).sqrt()
    }
}

/// Spearman rank correlation, ties given their average rank.
pub fn spearman(x: &[f64], y: &[f64]) -> f64 {
    pearson(&ranks(x), &ranks(y))
}

/// Average ranks from 1.
pub fn ranks(v: &[f64]) -> Vec<f64> {
    let mut idx: Vec<usize> = (0..v.len()).collect();
    idx.sort_by(|&a, &b| v[a].total_cmp(&v[b]));
    let mut r = vec![0.0; v.len()];
    let mut i = 0;
    while i < idx.len() {
        let mut j = i;
        while j + 1 < idx.len() && v[idx[j + 1]] == v[idx[i]] {
            j += 1;
        }
        let avg = (i + j) as f64 / 2.0 + 1.0;
        for &k in &idx[i..=j] {
            r[k] = avg;
        }
        i = j + 1;
    }
    r
}

pub fn mean(v: &[f64]) -> f64 {
    if v.is_empty() {
        0.0
    } else {
        v.iter().sum::<f64>() / v.len() as f64
    }
}

/// Least-squares fit `y ≈ a + b·x`; returns (a, b).
pub fn linear_fit(x: &[f64], y: &[f64]) -> (f64, f64) {
    let (mx, my) = (mean(x), mean(y));
    let sxx: f64 = x.iter().map(|v| (v - mx).powi(2)).sum();
    if sxx == 0.0 {
        return (my, 0.0);
    }
    let sxy: f64 = x.iter().zip(y).map(|(a, b)| (a - mx) * (b - my)).sum();
    let b = sxy / sxx;
    (my - b * mx, b)
}

/// Root mean squared error of `y` against the least-squares fit from `x`.
pub fn rmse_after_fit(x: &[f64], y: &[f64]) -> f64 {
    let (a, b) = linear_fit(x, y);
    let se: f64 = x
        .iter()
        .zip(y)
        .map(|(xv, yv)| (yv - (a + b * xv)).powi(2))
        .sum();
    (se / x.len().max(1) as f64).sqrt()
}

/// Quadratic weighted kappa between two integer ratings on `min..=max`.
pub fn quadratic_kappa(a: &[i64], b: &[i64], min: i64, max: i64) -> f64 {
    let k = (max - min + 1).max(1) as usize;
    let n = a.len().min(b.len());
    if n == 0 {
        return 0.0;
    }
    let mut obs = vec![vec![0.0; k]; k];
    let (mut ha, mut hb) = (vec![0.0; k], vec![0.0; k]);
    for i in 0..n {
        let (x, y) = (
            (a[i].clamp(min, max) - min) as usize,
            (b[i].clamp(min, max) - min) as usize,
        );
        obs[x][y] += 1.0;
        ha[x] += 1.0;
        hb[y] += 1.0;
    }
    let (mut num, mut den) = (0.0, 0.0);
    let denom = ((k - 1).max(1) as f64).powi(2);
    for i in 0..k {
        for j in 0..k {
            let w = (i as f64 - j as f64).powi(2) / denom;
            num += w * obs[i][j];
            den += w * ha[i] * hb[j] / n as f64;
        }
    }
    if den == 0.0 {
        1.0
    } else {
        1.0 - num / den
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn pearson_by_hand() {
        // x = 1,2,3,4; y = 2,4,5,4: mx 2.5, my 3.75; sxy 3.5, sxx 5, syy 4.75.
        let r = pearson(&[1.0, 2.0, 3.0, 4.0], &[2.0, 4.0, 5.0, 4.0]);
        assert!(close(r, 3.5 / (5.0f64 * 4.75).sqrt()), "{r}");
        assert_eq!(pearson(&[1.0, 1.0], &[1.0, 2.0]), 0.0);
    }

    #[test]
    fn spearman_uses_average_ranks() {
        assert_eq!(ranks(&[10.0, 20.0, 20.0, 5.0]), [2.0, 3.5, 3.5, 1.0]);
        assert!(close(spearman(&[1.0, 2.0, 3.0], &[10.0, 20.0, 30.0]), 1.0));
        assert!(close(spearman(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]), -1.0));
    }

    #[test]
    fn fit_and_rmse_by_hand() {
        let (a, b) = linear_fit(&[0.0, 1.0, 2.0], &[1.0, 3.0, 5.0]);
        assert!(close(a, 1.0) && close(b, 2.0));
        assert!(close(
            rmse_after_fit(&[0.0, 1.0, 2.0], &[1.0, 3.0, 5.0]),
            0.0
        ));
        // Residuals of y = 0,2,1 on x = 0,1,2: fit 0.5 + 0.5x gives -0.5, 1, -0.5.
        assert!(close(
            rmse_after_fit(&[0.0, 1.0, 2.0], &[0.0, 2.0, 1.0]),
            (1.5f64 / 3.0).sqrt()
        ));
    }

    #[test]
    fn kappa_by_hand() {
        assert!(close(quadratic_kappa(&[0, 1, 2], &[0, 1, 2], 0, 2), 1.0));
        // a = 0,0,1,1 b = 0,1,0,1 on 0..=1: observed disagreement 2 (weight 1 each), expected
        // 4·(2·2/4)·… = 2 as well, so kappa 0.
        assert!(close(
            quadratic_kappa(&[0, 0, 1, 1], &[0, 1, 0, 1], 0, 1),
            0.0
        ));
    }
}
