// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
// The heatmap's colours, measured: every source and ramp step stays apart from the others and
// from the background, for normal vision and simulated protanopia, deuteranopia and tritanopia,
// on the light and the dark palette. Distances are Euclidean in OKLab times 100 (about 2 is just
// noticeable side by side; 10 is clearly apart at a glance).
#include "heatmaprenderer.h"

#include <QTest>

#include <array>
#include <cmath>

using namespace AddCow;

namespace
{

using Vector = std::array<double, 3>;
using Matrix = std::array<Vector, 3>;

enum class Vision { Normal, Protanopia, Deuteranopia, Tritanopia };

// Machado, Oliveira and Fernandes (2009), severity 1.0, on linear RGB.
const Matrix &simulation(Vision vision)
{
    static const Matrix protan = {{{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}}};
    static const Matrix deutan = {{{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}}};
    static const Matrix tritan = {{{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602}, {0.004733, 0.691367, 0.303900}}};
    static const Matrix identity = {{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}};
    switch (vision) {
    case Vision::Protanopia:
        return protan;
    case Vision::Deuteranopia:
        return deutan;
    case Vision::Tritanopia:
        return tritan;
    case Vision::Normal:
        break;
    }
    return identity;
}

double linear(int channel)
{
    const double c = channel / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

// Björn Ottosson's OKLab, from linear sRGB.
Vector oklab(QRgb rgb, Vision vision)
{
    const Vector in{linear(qRed(rgb)), linear(qGreen(rgb)), linear(qBlue(rgb))};
    const Matrix &m = simulation(vision);
    Vector c{};
    for (int i = 0; i < 3; ++i)
        c[i] = std::clamp(m[i][0] * in[0] + m[i][1] * in[1] + m[i][2] * in[2], 0.0, 1.0);
    const double l = std::cbrt(0.4122214708 * c[0] + 0.5363325363 * c[1] + 0.0514459929 * c[2]);
    const double mm = std::cbrt(0.2119034982 * c[0] + 0.6806995451 * c[1] + 0.1073969566 * c[2]);
    const double s = std::cbrt(0.0883024619 * c[0] + 0.2817188376 * c[1] + 0.6299787005 * c[2]);
    return {0.2104542553 * l + 0.7936177850 * mm - 0.0040720468 * s, 1.9779984951 * l - 2.4285922050 * mm + 0.4505937099 * s,
            0.0259040371 * l + 0.7827717662 * mm - 0.8086757660 * s};
}

double distance(QRgb a, QRgb b, Vision vision)
{
    const Vector x = oklab(a, vision);
    const Vector y = oklab(b, vision);
    return 100 * std::sqrt((x[0] - y[0]) * (x[0] - y[0]) + (x[1] - y[1]) * (x[1] - y[1]) + (x[2] - y[2]) * (x[2] - y[2]));
}

const char *visionName(Vision vision)
{
    switch (vision) {
    case Vision::Protanopia:
        return "protanopia";
    case Vision::Deuteranopia:
        return "deuteranopia";
    case Vision::Tritanopia:
        return "tritanopia";
    case Vision::Normal:
        break;
    }
    return "normal";
}

constexpr Vision Visions[] = {Vision::Normal, Vision::Protanopia, Vision::Deuteranopia, Vision::Tritanopia};

} // namespace

class HeatmapColorsTest : public QObject
{
    Q_OBJECT

private:
    static void checkApart(QRgb a, QRgb b, double minimum, const QString &what)
    {
        for (const Vision vision : Visions) {
            const double d = distance(a, b, vision);
            QVERIFY2(d >= minimum, qPrintable(QStringLiteral("%1, %2: %3 < %4").arg(what, QLatin1String(visionName(vision))).arg(d, 0, 'f', 1).arg(minimum)));
        }
    }

private Q_SLOTS:
    void simulationIsSane()
    {
        // Red and green, far apart for normal vision, nearly meet for deuteranopes; white stays.
        const QRgb red = qRgb(0xd0, 0x30, 0x30);
        const QRgb green = qRgb(0x30, 0x90, 0x30);
        QVERIFY(distance(red, green, Vision::Normal) > 30);
        QVERIFY(distance(red, green, Vision::Deuteranopia) < distance(red, green, Vision::Normal) / 2);
        QVERIFY(distance(qRgb(255, 255, 255), qRgb(255, 255, 255), Vision::Tritanopia) < 1e-9);
        QVERIFY(std::abs(oklab(qRgb(255, 255, 255), Vision::Normal)[0] - 1.0) < 1e-3);
    }

    void oldRampWasTooCloseToZeros()
    {
        // The bug this palette fixes: half allocated over the backing file (#909480) was 6.2 from
        // zeros, against at least 10 for every step of the ramp now (below).
        QVERIFY(distance(qRgb(0x90, 0x94, 0x80), qRgb(0x95, 0xa5, 0xa6), Vision::Normal) < 7);
    }

    void rampIsApartFromEverySource_data()
    {
        QTest::addColumn<QColor>("background");
        QTest::newRow("light") << QColor(Qt::white);
        QTest::newRow("dark") << QColor(0x1e, 0x1f, 0x22);
    }
    void rampIsApartFromEverySource()
    {
        QFETCH(QColor, background);
        const auto palette = HeatmapRenderer::Palette::standard(background, background.lightness() > 128 ? Qt::black : Qt::white);
        const std::array<std::pair<QRgb, QString>, 5> sources = {{
            {palette.image, QStringLiteral("image file")},
            {palette.backing, QStringLiteral("backing file")},
            {palette.zero, QStringLiteral("zeros")},
            {palette.backingZero, QStringLiteral("backing zeros")},
            {palette.backingUnavailable, QStringLiteral("backing file cannot be read")},
        }};
        for (int step = 0; step < int(palette.ramp.size()); ++step) {
            // A single allocated cluster among clean ones never looks clean, and a nearly full
            // block never looks full: every partial step is clearly apart from every source.
            for (const auto &[color, name] : sources)
                checkApart(palette.ramp[step], color, 10, QStringLiteral("ramp step %1 vs %2").arg(step + 1).arg(name));
            checkApart(palette.ramp[step], palette.background, 15, QStringLiteral("ramp step %1 vs background").arg(step + 1));
        }
        // The steps themselves can be told apart in order.
        for (int step = 0; step + 1 < int(palette.ramp.size()); ++step) {
            QVERIFY(distance(palette.ramp[step], palette.ramp[step + 1], Vision::Normal) >= 3);
            checkApart(palette.ramp[step], palette.ramp[step + 1], 2, QStringLiteral("ramp steps %1 and %2").arg(step + 1).arg(step + 2));
        }
        // The sources against each other and the background. Blue and grey are 9.8 apart for
        // protanopes: they differ in hue and not in lightness, the price of keeping the colours
        // people know from the hex views.
        for (size_t i = 0; i < sources.size(); ++i) {
            checkApart(sources[i].first, palette.background, 15, sources[i].second + QStringLiteral(" vs background"));
            for (size_t j = i + 1; j < sources.size(); ++j)
                checkApart(sources[i].first, sources[j].first, 9, sources[i].second + QStringLiteral(" vs ") + sources[j].second);
        }
    }
};

QTEST_GUILESS_MAIN(HeatmapColorsTest)

#include "heatmapcolorstest.moc"
