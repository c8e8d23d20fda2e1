-- world-roma
SELECT city.name, city.population, country.name AS country FROM city, country
WHERE city.CountryCode = country.Code AND city.name = 'Roma';
-- world-languages
SELECT country.continent, COUNT(*) AS n, AVG(cl.percentage) FROM country
JOIN countrylanguage cl ON cl.CountryCode = country.Code
WHERE cl.IsOfficial = 'T' GROUP BY country.continent ORDER BY n DESC LIMIT 5;
-- world-big-cities
SELECT c.name, (SELECT COUNT(*) FROM countrylanguage l WHERE l.CountryCode = c.CountryCode) AS languages
FROM (SELECT * FROM city WHERE population > 5000000) c ORDER BY c.population DESC;
