# syntax=docker/dockerfile:1
# HoaxScreen screening API with the default model baked in.
#   docker build -t hoaxscreen .
#   docker run --rm -p 8080:8080 hoaxscreen        # then open http://localhost:8080/swagger

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project and central package files only, so the layer is cached across code changes.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/HoaxScreen.Core/HoaxScreen.Core.csproj src/HoaxScreen.Core/
COPY src/HoaxScreen.Api/HoaxScreen.Api.csproj src/HoaxScreen.Api/
# Set by BuildKit to the image's platform (amd64, arm64); the SDK takes it as the target architecture.
ARG TARGETARCH
# Restore with the publish's ReadyToRun setting, so the crossgen2 package it needs is fetched here: a builder whose
# package cache lacks it (every fresh `docker build`) would otherwise fail the --no-restore publish with NETSDK1094.
RUN dotnet restore src/HoaxScreen.Api/HoaxScreen.Api.csproj -a $TARGETARCH -p:PublishReadyToRun=true
COPY src/HoaxScreen.Core/ src/HoaxScreen.Core/
COPY src/HoaxScreen.Api/ src/HoaxScreen.Api/
# ReadyToRun: ahead-of-time compiled code (ML.NET included) starts the service ~0.3 s sooner (1.8 s → 1.5 s to ready,
# measured on 2 cores); the framework itself comes from the runtime image, so it stays framework-dependent.
RUN dotnet publish src/HoaxScreen.Api/HoaxScreen.Api.csproj -c Release -o /app/publish --no-restore -a $TARGETARCH --self-contained false -p:PublishReadyToRun=true -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final
WORKDIR /app
# Runtime settings chosen by measurement (README "Containers: runtime settings"):
# - DOTNET_TC_CallCountingDelayMs=0: hot methods are promoted to optimised code as soon as they are hot, not after the
#   start-up's call-counting delay, so a new replica reaches its warm speed sooner (first 10 s after ready 5,355 ->
#   7,969 req/s, warm unchanged; bench/results/first-seconds.md).
# - Server GC (the ASP.NET Core default; .NET 10 sizes its heaps to the load) with the heap capped at 75% of the
#   container's memory limit, set here rather than left implicit. GC settings in the environment are hexadecimal: 0x4B = 75.
ENV ASPNETCORE_HTTP_PORTS=8080 \
    Model__Path=/app/models/default \
    DOTNET_NOLOGO=1 \
    DOTNET_TC_CallCountingDelayMs=0 \
    DOTNET_GCHeapHardLimitPercent=0x4B
COPY --from=build /app/publish ./
COPY models/default/ ./models/default/
# The team bundle (CC BY 4.0) for deployments that need a permissive licence: -e Model__Path=/app/models/team
COPY models/team/ ./models/team/
# The known-hoax matcher (team data, CC BY 4.0), used when Claims__Path names a fact-check store (e.g. on a volume).
COPY models/claims/ ./models/claims/
# The aspnet image ships an unprivileged "app" user (APP_UID); the service needs no root rights.
USER $APP_UID
EXPOSE 8080
# No curl in the runtime image: bash's /dev/tcp is enough for a liveness probe.
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health/live HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["dotnet", "HoaxScreen.Api.dll"]
