@echo off
rem Runs the regforms command line. Finds lib\ beside this bin\ folder, so the application folder
rem works from wherever it is copied or unpacked.
rem JAVA_HOME chooses the Java (17 or later; else java on the PATH); JAVA_OPTS adds JVM options.
setlocal
set "HOME_DIR=%~dp0.."
if defined JAVA_HOME (set "JAVA_EXE=%JAVA_HOME%\bin\java.exe") else (set "JAVA_EXE=java.exe")
rem Hibernate Validator logs through JBoss Logging: send it to SLF4J like everything else.
"%JAVA_EXE%" %JAVA_OPTS% -Dorg.jboss.logging.provider=slf4j -cp "%HOME_DIR%\lib\*" no.regforms.examples.cli.Main %*
exit /b %ERRORLEVEL%
