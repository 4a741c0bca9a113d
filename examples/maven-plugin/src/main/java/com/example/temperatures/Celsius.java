package com.example.temperatures;

/** Degrees Celsius: the library whose documentation this example verifies. */
public record Celsius(double degrees) {

    /** The same temperature in degrees Fahrenheit. */
    public double toFahrenheit() {
        return degrees * 9 / 5 + 32;
    }
}
