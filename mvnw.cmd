@echo off
rem Runs the project's pinned Maven (see .mvn\wrapper\maven.properties), installing it on first use.
setlocal
set "PROJECT_DIR=%~dp0"
if defined JAVA_HOME (set "JAVA_EXE=%JAVA_HOME%\bin\java.exe") else (set "JAVA_EXE=java")
for /f "usebackq delims=" %%i in (`"%JAVA_EXE%" "%PROJECT_DIR%.mvn\wrapper\Install.java" "%PROJECT_DIR%.mvn\wrapper\maven.properties"`) do set "MAVEN_HOME=%%i"
if not defined MAVEN_HOME exit /b 1
"%MAVEN_HOME%\bin\mvn.cmd" -f "%PROJECT_DIR%pom.xml" %*
